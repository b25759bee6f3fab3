package covet.maven;

import covet.engine.Covet;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts the last applied migration, or every one applied after {@code to} ({@code covet rollback}). */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends CovetMojo {
    /** Revert every migration applied after this one (it stays applied). */
    @Parameter(property = "covet.to")
    String to;

    /** Unrecord without running the reverse SQL. */
    @Parameter(property = "covet.fake", defaultValue = "false")
    boolean fake;

    @Override
    void run(Covet covet) {
        covet.rollback(to, fake, r -> { });
    }
}
