package covet.maven;

import covet.engine.Covet;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.LintRefusedException;
import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the pending migrations ({@code covet migrate}), after linting them: error-level findings stop the build
 * unless {@code allow}ed. Each migration is logged by Covet ({@code Migrated ID (N operations, M ms)}).
 */
@Mojo(name = "migrate", requiresProject = false, threadSafe = true)
public class MigrateMojo extends CovetMojo {
    /** Apply up to and including this migration, or revert back to it when it is applied. */
    @Parameter(property = "covet.target")
    String target;

    /** Record the migrations as applied without running their SQL (adopting an existing database). */
    @Parameter(property = "covet.fake", defaultValue = "false")
    boolean fake;

    /** Lint rules or groups whose findings do not stop the run. */
    @Parameter(property = "covet.allow")
    List<String> allow = new ArrayList<>();

    /** Lint warnings stop the run too. */
    @Parameter(property = "covet.strict", defaultValue = "false")
    boolean strict;

    @Override
    void run(Covet covet) {
        if (!fake) {
            var blocking = LintPolicy.of(allow, strict)
                    .blocking(ProjectLint.lint(covet, MigrationSelection.pending(covet, target)));
            if (!blocking.isEmpty()) {
                throw LintRefusedException.of("migrate", blocking);
            }
        }
        covet.migrate(target, fake, r -> { });
    }
}
