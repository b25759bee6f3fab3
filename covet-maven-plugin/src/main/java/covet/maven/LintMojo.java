package covet.maven;

import covet.engine.Covet;
import covet.engine.lint.Finding;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lints migrations ({@code covet lint}): a blocking finding fails the build. */
@Mojo(name = "lint", requiresProject = false, threadSafe = true)
public class LintMojo extends CovetMojo {
    /** The migrations to lint (default: as covet lint without ids). */
    @Parameter(property = "covet.migrations")
    List<String> migrations = new ArrayList<>();

    /** Lint rules or groups whose findings do not fail the build. */
    @Parameter(property = "covet.allow")
    List<String> allow = new ArrayList<>();

    /** Warnings fail the build too. */
    @Parameter(property = "covet.strict", defaultValue = "false")
    boolean strict;

    @Override
    void run(Covet covet) throws MojoFailureException {
        LintPolicy policy = LintPolicy.of(allow, strict);
        List<Finding> findings = ProjectLint.lint(covet, MigrationSelection.of(covet, migrations));
        for (Finding f : findings) {
            String line = f.withSeverity(policy.effectiveSeverity(f)).line();
            if (policy.blocking(List.of(f)).isEmpty()) {
                getLog().warn(line);
            } else {
                getLog().error(line);
            }
        }
        List<Finding> blocking = policy.blocking(findings);
        if (!blocking.isEmpty()) {
            throw new MojoFailureException("Covet lint: " + blocking.size() + " blocking finding(s); fix them, or"
                    + " allow their rules with <allow> / -Dcovet.allow=RULE");
        }
        getLog().info("Covet lint: " + findings.size() + " finding(s), none blocking");
    }
}
