package covet.engine.lint;

import covet.api.migration.Migration;
import covet.engine.Covet;
import java.util.List;

/** The linter on a project, for the commands: the migrations a selection names, or a migration about to be written. */
public final class ProjectLint {
    private ProjectLint() {
    }

    public static List<Finding> lint(Covet covet, MigrationSelection selection) {
        return Linter.forDialect(covet.dialect()).lint(selection.order(), selection.ids());
    }

    /** A migration {@code makemigrations} made, on the schema the migrations on disk produce. */
    public static List<Finding> lintNew(Covet covet, Migration migration) {
        return Linter.forDialect(covet.dialect()).lint(migration, covet.migrationsState());
    }

    /** A chain {@code makemigrations} made, linted as the one migration it was split from. */
    public static List<Finding> lintNew(Covet covet, List<Migration> chain) {
        return Linter.forDialect(covet.dialect()).lintChain(covet.migrationsState(), chain);
    }
}
