package covet.maven;

import covet.engine.Covet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the SQL script of the pending migrations (lock, history table and rows included), for a DBA to review
 * or run ({@code covet migrate --sql}); with {@code backwards}, the script that rolls back ({@code rollback --sql}).
 */
@Mojo(name = "sql", requiresProject = false, threadSafe = true)
public class SqlMojo extends CovetMojo {
    /** Up to this migration (migrate), or back to it (backwards). */
    @Parameter(property = "covet.target")
    String target;

    /** The rollback script instead. */
    @Parameter(property = "covet.backwards", defaultValue = "false")
    boolean backwards;

    /** Where the script goes. */
    @Parameter(property = "covet.output", defaultValue = "${project.build.directory}/covet/migrate.sql")
    File output;

    @Override
    void run(Covet covet) throws MojoFailureException {
        List<String> script = backwards ? covet.rollbackScript(target) : covet.migrateScript(target);
        StringBuilder text = new StringBuilder();
        for (String sql : script) {
            String s = sql.strip();
            text.append(s.endsWith(";") ? s : s + ";").append('\n');
        }
        try {
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            Files.writeString(output.toPath(), text);
        } catch (IOException e) {
            throw new MojoFailureException("Covet: cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("Covet: wrote " + output + " (" + script.size() + " statements)");
    }
}
