package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import covet.api.migration.Migration;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The canonical file is exactly what the writer prints; a reformatted copy of it means the same migration. */
class CanonicalFormatTest {
    private final JsonMigrationWriter writer = new JsonMigrationWriter();

    @Test
    void writerReproducesTheCanonicalFileByteForByte() throws IOException {
        assertEquals(Fixtures.text("canonical"), writer.write(Fixtures.read("canonical")));
    }

    @Test
    void writerReproducesTheFormat2FileByteForByte() throws IOException {
        assertEquals(Fixtures.text("canonical-2"), writer.write(Fixtures.read("canonical-2")));
    }

    @Test
    void reindentedReorderedFileWithExplicitDefaultsIsTheSameMigration() throws IOException {
        Migration canonical = Fixtures.read("canonical");
        Migration reformatted = Fixtures.read("reformatted");
        assertNotEquals(Fixtures.text("canonical"), Fixtures.text("reformatted"));
        assertEquals(withoutLocation(canonical), withoutLocation(reformatted));
        assertEquals(Fixtures.text("canonical"), writer.write(reformatted));
    }

    @Test
    void readKeepsTheLocation() throws IOException {
        assertEquals(Fixtures.file("canonical").toString(), Fixtures.read("canonical").location());
    }

    private static Migration withoutLocation(Migration m) {
        return new Migration(m.id(), m.app(), m.dependencies(), m.operations());
    }
}
