package covet.maven;

import covet.engine.Covet;
import covet.engine.MigrationStatus;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists every migration with its state, as {@code covet showmigrations} does. */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends CovetMojo {
    @Override
    void run(Covet covet) {
        var all = covet.status();
        if (all.isEmpty()) {
            getLog().info("No migrations in " + covet.config().migrationsDir());
        }
        for (MigrationStatus s : all) {
            getLog().info(String.format("%-8s %s%s", s.state(), s.id(),
                    s.appliedAt() != null ? "  (" + s.appliedAt() + ")" : ""));
        }
    }
}
