package covet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationFile;
import covet.api.spi.MigrationFilesWriter;
import covet.api.spi.MigrationSetSource;
import covet.api.spi.MigrationSource;
import covet.api.spi.MigrationWriter;
import covet.api.sql.SqlScript;
import covet.engine.checksum.Checksums;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The format test kit: checks a migration file format plugin the way Covet uses it. Subclass it, name the format,
 * give sample migrations it holds and a way to re-format its files as a person would (indentation, line breaks,
 * comments where the format has them). The source and writer are loaded by name through {@link ServiceLoader}.
 *
 * <p>What it checks: the source and writer are found, speak this API version and agree on the file extension; every
 * sample written and read back is the same migration (id, dependencies, checksum); re-formatting the written files
 * changes their text but not the checksum Covet records; and a changed sample changes the checksum.
 */
public abstract class FormatConformanceTest {

    /** The format's name, as {@code makemigrations --format} takes it. */
    protected abstract String formatName();

    /** Migrations the format holds, in the form its source reads them. */
    protected abstract List<Migration> samples();

    /** {@code fileText} re-formatted without changing what it means; must change the text. */
    protected abstract String reformat(String fileText);

    /** A sample changed in what it does (another statement, another column); its checksum must differ. */
    protected abstract Migration changed(Migration sample);

    protected final MigrationSource source() {
        return ServiceLoader.load(MigrationSource.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.format().equals(formatName())).findFirst()
                .orElseThrow(() -> new AssertionError("no MigrationSource named " + formatName() + " is installed"));
    }

    protected final MigrationWriter writer() {
        return ServiceLoader.load(MigrationWriter.class).stream().map(ServiceLoader.Provider::get)
                .filter(w -> w.format().equals(formatName())).findFirst()
                .orElseThrow(() -> new AssertionError("no MigrationWriter named " + formatName() + " is installed"));
    }

    /** The files the writer makes of {@code m}: name to text. */
    protected final Map<String, String> write(Migration m) {
        MigrationWriter writer = writer();
        if (writer instanceof MigrationFilesWriter files) {
            return files.files(m);
        }
        Map<String, String> one = new LinkedHashMap<>();
        one.put(m.id() + "." + writer.fileExtension(), writer.write(m));
        return one;
    }

    /** Reads files back as the engine's loader does: all together for a set source, else one by one. */
    protected final List<Migration> read(Map<String, String> files) throws IOException {
        MigrationSource source = source();
        if (source instanceof MigrationSetSource set) {
            List<MigrationFile> list = new ArrayList<>();
            files.forEach((name, text) -> list.add(new MigrationFile("kit/" + name, name,
                    text.getBytes(StandardCharsets.UTF_8))));
            return set.readAll(list, SqlScript::split);
        }
        List<Migration> out = new ArrayList<>();
        for (var e : files.entrySet()) {
            String stem = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
            out.add(source.read("kit/" + e.getKey(), stem,
                    new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    @Test
    void sourceAndWriterAreFoundAndAgree() {
        assertEquals(Dialect.API_VERSION, source().apiVersion(), "source API version");
        assertEquals(Dialect.API_VERSION, writer().apiVersion(), "writer API version");
        assertEquals(source().fileExtension(), writer().fileExtension(), "file extension");
        assertFalse(samples().isEmpty(), "the kit needs samples");
    }

    @Test
    void writtenMigrationsReadBackTheSame() throws IOException {
        for (Migration m : samples()) {
            Map<String, String> files = write(m);
            List<Migration> back = read(files);
            assertEquals(1, back.size(), "one migration from " + files.keySet());
            assertEquals(m.id(), back.get(0).id());
            assertEquals(m.dependencies(), back.get(0).dependencies(), m.id() + " dependencies");
            assertEquals(Checksums.of(m), Checksums.of(back.get(0)), m.id() + ": read back as "
                    + back.get(0).operations());
            assertEquals(files, write(back.get(0)), m.id() + ": writing what was read gives the same files");
        }
    }

    @Test
    void reformattingKeepsTheChecksum() throws IOException {
        for (Migration m : samples()) {
            Map<String, String> reformatted = new LinkedHashMap<>();
            write(m).forEach((name, text) -> {
                String again = reformat(text);
                assertTrue(!again.equals(text), "reformat must change the text of " + name);
                reformatted.put(name, again);
            });
            assertEquals(Checksums.of(m), Checksums.of(read(reformatted).get(0)), m.id() + " after re-formatting");
        }
    }

    @Test
    void aChangeChangesTheChecksum() throws IOException {
        for (Migration m : samples()) {
            Migration other = changed(m);
            assertFalse(Checksums.of(m).equals(Checksums.of(read(write(other)).get(0))), m.id()
                    + ": a changed migration must have another checksum");
        }
    }

    /** Re-formats by indenting every line after the first: a helper for formats where that is insignificant. */
    protected static UnaryOperator<String> indentLines(String indent) {
        return text -> text.replace("\n", "\n" + indent).stripTrailing() + "\n";
    }
}
