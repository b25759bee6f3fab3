package covet.engine;

import covet.api.CovetException;
import covet.api.IrreversibleOperationException;
import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.api.spi.MigrationFilesWriter;
import covet.engine.reverse.Reverser;
import covet.engine.run.Rendering;
import covet.engine.state.DeferredSchema;
import covet.engine.state.StateReplayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code makemigrations --format sql}: a format that holds only SQL gets the migrations rendered by the target
 * dialect first (one {@link RunSQL} whose reverse is the rendered reverse, or none when an operation cannot be
 * reversed), and writes each as its files ({@code <id>.up.sql} and {@code <id>.down.sql}). Nothing is written when
 * one of the files exists already.
 */
public final class SqlMigrationFiles {
    private SqlMigrationFiles() {
    }

    /** What {@link #write} would write, for {@code makemigrations --dry-run}: each file's name, then its text. */
    public static String preview(Covet covet, List<Migration> migrations, MigrationFilesWriter writer) {
        StringBuilder out = new StringBuilder();
        for (Map<Path, String> files : files(covet, migrations, writer)) {
            files.forEach((file, text) -> out.append("-- ").append(file.getFileName()).append('\n').append(text));
        }
        return out.toString();
    }

    private static List<Map<Path, String>> files(Covet covet, List<Migration> migrations,
                                                 MigrationFilesWriter writer) {
        Schema state = covet.migrationsState();
        List<Map<Path, String>> all = new ArrayList<>();
        for (Migration m : migrations) {
            Migration rendered = render(covet, m, state);
            state = StateReplayer.replay(state, m);
            Map<Path, String> files = new LinkedHashMap<>();
            writer.files(rendered).forEach((name, text) -> files.put(covet.config().migrationsDir().resolve(name),
                    text));
            all.add(files);
        }
        return all;
    }

    /** Writes the chain {@code migrations}; returns each migration's first file. */
    static List<Path> write(Covet covet, List<Migration> migrations, MigrationFilesWriter writer) {
        List<Map<Path, String>> all = files(covet, migrations, writer);
        for (Map<Path, String> files : all) {
            for (Path file : files.keySet()) {
                if (Files.exists(file)) {
                    throw new CovetException("migration file " + file + " exists already; nothing was written");
                }
            }
        }
        List<Path> firsts = new ArrayList<>();
        try {
            Files.createDirectories(covet.config().migrationsDir());
            for (Map<Path, String> files : all) {
                for (var e : files.entrySet()) {
                    Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
                }
                firsts.add(files.keySet().iterator().next());
            }
        } catch (IOException e) {
            throw new CovetException("cannot write a migration file: " + e.getMessage(), e);
        }
        return firsts;
    }

    /** {@code m} as the dialect's SQL, replayed from {@code before}: the statements and their reverse. */
    static Migration render(Covet covet, Migration m, Schema before) {
        List<String> up = new ArrayList<>();
        DeferredSchema state = new DeferredSchema(() -> before);
        for (Operation op : m.operations()) {
            up.addAll(Rendering.render(covet.dialect(), op, state));
            state.applied(op);
        }
        List<String> down = new ArrayList<>();
        try {
            Schema after = StateReplayer.replay(before, m);
            DeferredSchema back = new DeferredSchema(() -> after);
            for (Operation op : Reverser.reverse(m)) {
                down.addAll(Rendering.render(covet.dialect(), op, back));
                back.applied(op);
            }
        } catch (IrreversibleOperationException e) {
            down = null;
        }
        return new Migration(m.id(), m.app(), m.dependencies(), List.of(new RunSQL(up, down)), null);
    }
}
