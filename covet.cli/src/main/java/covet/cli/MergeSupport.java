package covet.cli;

import covet.api.migration.Migration;
import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.graph.MigrationGraph;
import covet.engine.load.MigrationLoader;
import covet.engine.merge.MergePlanner;
import covet.engine.squash.ReplacementIndex;
import covet.engine.squash.Replacements;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@code makemigrations --merge}: writes the migration that joins the app's leaves, or says why it will not. */
final class MergeSupport {
    private MergeSupport() {
    }

    static int merge(Covet covet, String name, boolean dryRun, String format, boolean json) {
        CovetConfig config = covet.config();
        List<Migration> files = new MigrationLoader(covet.registry()).load(config.migrationsDir());
        MigrationGraph graph = Replacements.resolve(files, ReplacementIndex.beside(files, null)).graph();
        Optional<Migration> merge = MergePlanner.plan(graph, config.app(), LocalDateTime.now(ZoneOffset.UTC), name);
        if (json) {
            var doc = JsonOut.document("makemigrations", true);
            doc.put("merge", merge.map(JsonOut::data).orElse(null));
            if (merge.isPresent() && !dryRun) {
                doc.put("written", covet.writeMigration(merge.get(), format).toString());
            }
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        if (merge.isEmpty()) {
            System.out.println("Nothing to merge: the migrations of app '" + config.app() + "' have one leaf.");
            return ExitCodes.OK;
        }
        Migration m = merge.get();
        if (dryRun) {
            System.out.print(covet.registry().writer(format).write(m));
            return ExitCodes.OK;
        }
        Path file = covet.writeMigration(m, format);
        System.out.println("Wrote " + file);
        System.out.println("  merges " + String.join(", ", m.dependencies()));
        return ExitCodes.OK;
    }
}
