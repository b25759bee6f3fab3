package covet.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>();

    private CovetConfig load(Path cwd, ConfigLoader.Options options) {
        return new ConfigLoader(cwd, env::get).load(options);
    }

    @Test
    void defaultIsSqliteFileInTheWorkingFolderWithoutAConfigFile() {
        CovetConfig c = load(root, ConfigLoader.Options.NONE);
        assertEquals("jdbc:sqlite:" + root.toAbsolutePath().resolve("covet.db"), c.url());
        assertEquals(root.toAbsolutePath().resolve("migrations"), c.migrationsDir());
        assertEquals("default", c.app());
        assertTrue(c.origin("url").startsWith("default"));
    }

    @Test
    void nearestConfigFileWalkingUpMakesItsFolderTheProjectRoot() throws IOException {
        Files.writeString(root.resolve("covet.yaml"), "url: jdbc:sqlite:file.db\nmigrations_dir: db/migrations\n"
                + "app: blog\n");
        Path deep = Files.createDirectories(root.resolve("a/b/c"));
        CovetConfig c = load(deep, ConfigLoader.Options.NONE);
        assertEquals("jdbc:sqlite:file.db", c.url());
        assertEquals(root.toAbsolutePath().resolve("db/migrations"), c.migrationsDir());
        assertEquals(root.toAbsolutePath(), c.projectRoot());
        assertEquals("blog", c.app());
        assertEquals(root.toAbsolutePath().resolve("covet.yaml").toString(), c.origin("url"));
    }

    @Test
    void defaultDatabaseLivesInTheProjectRootNotTheWorkingFolder() throws IOException {
        Files.writeString(root.resolve("covet.json"), "{\"app\": \"x\"}");
        Path deep = Files.createDirectories(root.resolve("sub"));
        assertEquals("jdbc:sqlite:" + root.toAbsolutePath().resolve("covet.db"),
                load(deep, ConfigLoader.Options.NONE).url());
    }

    @Test
    void environmentBeatsFileAndOptionsBeatEnvironment() throws IOException {
        Files.writeString(root.resolve("covet.yaml"), "url: jdbc:sqlite:from-file.db\napp: file-app\n");
        env.put("COVET_URL", "jdbc:sqlite:from-env.db");
        CovetConfig fromEnv = load(root, ConfigLoader.Options.NONE);
        assertEquals("jdbc:sqlite:from-env.db", fromEnv.url());
        assertEquals("environment COVET_URL", fromEnv.origin("url"));
        assertEquals("file-app", fromEnv.app());

        CovetConfig fromOption = load(root, new ConfigLoader.Options("jdbc:sqlite:from-option.db", null,
                Path.of("elsewhere"), "opt-app"));
        assertEquals("jdbc:sqlite:from-option.db", fromOption.url());
        assertEquals("opt-app", fromOption.app());
        assertEquals(root.toAbsolutePath().resolve("elsewhere"), fromOption.migrationsDir());
    }

    @Test
    void dbEngineVariablesDescribeTheDatabaseInParts() {
        env.put("DB_ENGINE", "postgresql");
        env.put("DB_NAME", "shop");
        env.put("DB_HOST", "db.internal");
        env.put("DB_PORT", "6543");
        env.put("DB_USER", "app");
        env.put("DB_PASSWORD", "s3cret");
        CovetConfig c = load(root, ConfigLoader.Options.NONE);
        assertNull(c.url());
        assertEquals("postgresql", c.engine());
        assertEquals("shop", c.database());
        assertEquals("db.internal", c.host());
        assertEquals(6543, c.port());
        assertEquals("s3cret", c.connectionProperties().getProperty("password"));
        assertTrue(!c.toString().contains("s3cret"), "toString never shows the password: " + c);
    }

    @Test
    void unknownKeyInConfigFileIsAnErrorNamingFileAndKey() throws IOException {
        Path file = root.resolve("covet.yaml");
        Files.writeString(file, "url: jdbc:sqlite:x.db\nmigration_dir: typo\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(root, ConfigLoader.Options.NONE));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'migration_dir'"), e.getMessage());
    }

    @Test
    void brokenConfigFileSyntaxNamesTheLine() throws IOException {
        Files.writeString(root.resolve("covet.json"), "{\n  \"url\": \"x\",\n  oops\n}");
        ConfigException e = assertThrows(ConfigException.class, () -> load(root, ConfigLoader.Options.NONE));
        assertTrue(e.getMessage().contains("covet.json:3:"), e.getMessage());
    }

    @Test
    void badPortIsAnError() {
        env.put("DB_ENGINE", "mysql");
        env.put("DB_PORT", "33o6");
        ConfigException e = assertThrows(ConfigException.class, () -> load(root, ConfigLoader.Options.NONE));
        assertTrue(e.getMessage().contains("environment DB_PORT"), e.getMessage());
    }

    @Test
    void explicitConfigFileMustExist() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(root, new ConfigLoader.Options(null, Path.of("nope.yaml"), null, null)));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
    }

    @Test
    void theOperationLimitHasADefaultAndASettingThatMustBePositive() throws IOException {
        assertEquals(500, load(root, ConfigLoader.Options.NONE).maxOperationsPerMigration());
        Files.writeString(root.resolve("covet.yaml"), "max_operations_per_migration: 200\n");
        assertEquals(200, load(root, ConfigLoader.Options.NONE).maxOperationsPerMigration());
        Files.writeString(root.resolve("covet.yaml"), "max_operations_per_migration: 0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(root, ConfigLoader.Options.NONE));
        assertTrue(e.getMessage().contains("max_operations_per_migration must be at least 1")
                && e.getMessage().contains("covet.yaml"), e.getMessage());
    }
}
