package covet.maven;

import covet.engine.Covet;
import covet.engine.config.ConfigLoader;
import covet.engine.config.CovetConfig;
import covet.engine.config.Redactor;
import covet.engine.plugin.PluginRegistry;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the settings, resolved with the CLI's precedence (plugin parameters or {@code -Dcovet.*}
 * properties in the place of options, then the environment, then the nearest covet.yaml walking up from the
 * project's folder, then the SQLite file covet.db), and Covet's errors turned into a failed build that shows
 * Covet's own message, passwords masked.
 */
abstract class CovetMojo extends AbstractMojo {
    /** The database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/app?user=app}. */
    @Parameter(property = "covet.url")
    String url;

    /** A covet.yaml / covet.json to read instead of the nearest one. */
    @Parameter(property = "covet.config")
    File configFile;

    /** The migrations folder (default: migrations in the project root). */
    @Parameter(property = "covet.migrationsDir")
    File migrationsDir;

    /** The app whose migrations run (default: default). */
    @Parameter(property = "covet.app")
    String app;

    /** Skips the goal, e.g. {@code -Dcovet.skip} on a build without a database. */
    @Parameter(property = "covet.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Covet: skipped (covet.skip)");
            return;
        }
        CovetConfig config = null;
        try {
            config = new ConfigLoader(basedir.toPath(), System::getenv).load(new ConfigLoader.Options(url,
                    configFile == null ? null : configFile.toPath(),
                    migrationsDir == null ? null : migrationsDir.toPath(), app));
            // the plugin's own class loader holds the dialects the project added as plugin dependencies
            Covet covet = new Covet(config, PluginRegistry.of(CovetMojo.class.getClassLoader()));
            run(covet);
        } catch (MojoFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            throw new MojoFailureException("Covet: " + Redactor.redact(message, config == null ? null
                    : config.password()), e);
        }
    }

    /** The goal's work; a {@link RuntimeException} from Covet fails the build with its message. */
    abstract void run(Covet covet) throws MojoFailureException;
}
