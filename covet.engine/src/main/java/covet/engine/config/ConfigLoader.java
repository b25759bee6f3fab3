package covet.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves settings with the precedence of the design: command-line options, then the environment ({@code COVET_URL},
 * or {@code DB_ENGINE}, {@code DB_NAME}, {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD}),
 * then the nearest {@code covet.yaml} / {@code covet.yml} / {@code covet.json} found walking up from the working
 * folder (whose folder is the project root), then the embedded default: SQLite file {@code covet.db} in the project
 * root.
 */
public final class ConfigLoader {
    public static final List<String> FILE_NAMES = List.of("covet.yaml", "covet.yml", "covet.json");
    /** Keys a config file may hold. */
    public static final List<String> KEYS = List.of("url", "engine", "host", "port", "database", "user", "password",
            "dialect", "migrations_dir", "app", "lock_timeout_seconds", "schema", "models", "models_package",
            "dev_url", "max_operations_per_migration", FileFlag.CLEAN_ENABLED.key(), FileFlag.GROUP.key());
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    private final Path workingDir;
    private final Function<String, String> env;

    public ConfigLoader(Path workingDir, Function<String, String> env) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.env = env;
    }

    /** Settings given on the command line; null for what was not given. */
    public record Options(String url, Path configFile, Path migrationsDir, String app) {
        public static final Options NONE = new Options(null, null, null, null);
    }

    public CovetConfig load(Options options) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();

        Path file = options.configFile() != null ? workingDir.resolve(options.configFile()) : findConfigFile();
        Path projectRoot = file != null ? file.toAbsolutePath().getParent() : workingDir;
        if (file != null) {
            readFile(file).forEach((k, v) -> put(values, origins, k, v, file.toString()));
        }
        applyEnvironment(values, origins);
        if (options.url() != null) {
            put(values, origins, "url", options.url(), "option --url");
            for (String k : List.of("engine", "host", "port", "database")) {
                values.remove(k);
                origins.remove(k);
            }
        }
        if (options.app() != null) {
            put(values, origins, "app", options.app(), "option --app");
        }

        Path migrationsDir;
        if (options.migrationsDir() != null) {
            migrationsDir = workingDir.resolve(options.migrationsDir()).normalize();
            origins.put("migrations_dir", "option --migrations-dir");
        } else if (values.containsKey("migrations_dir")) {
            migrationsDir = projectRoot.resolve(values.get("migrations_dir")).normalize();
        } else {
            migrationsDir = projectRoot.resolve("migrations");
        }

        String url = values.get("url");
        String engine = values.get("engine");
        if (url == null && engine == null) {
            url = "jdbc:sqlite:" + projectRoot.resolve("covet.db");
            origins.put("url", "default (SQLite file covet.db in the project root " + projectRoot + ")");
        }
        return new CovetConfig(url, engine, values.get("host"), integer(values, origins, "port"),
                values.get("database"), values.get("user"), values.get("password"), values.get("dialect"),
                projectRoot, migrationsDir, values.getOrDefault("app", "default"),
                values.containsKey("lock_timeout_seconds")
                        ? Duration.ofSeconds(integer(values, origins, "lock_timeout_seconds"))
                        : DEFAULT_LOCK_TIMEOUT,
                path(projectRoot, values.get("schema")), path(projectRoot, values.get("models")),
                values.get("models_package"), values.get("dev_url"),
                values.containsKey("max_operations_per_migration")
                        ? integer(values, origins, "max_operations_per_migration")
                        : covet.engine.MigrationChain.DEFAULT_MAX_OPERATIONS, origins);
    }

    private void applyEnvironment(Map<String, String> values, Map<String, String> origins) {
        String covetUrl = env.apply("COVET_URL");
        String engine = env.apply("DB_ENGINE");
        if (covetUrl != null && !covetUrl.isBlank()) {
            put(values, origins, "url", covetUrl, "environment COVET_URL");
            for (String k : List.of("engine", "host", "port", "database")) {
                values.remove(k);
                origins.remove(k);
            }
        } else if (engine != null && !engine.isBlank()) {
            values.remove("url");
            origins.remove("url");
            put(values, origins, "engine", engine, "environment DB_ENGINE");
            putEnv(values, origins, "database", "DB_NAME");
            putEnv(values, origins, "host", "DB_HOST");
            putEnv(values, origins, "port", "DB_PORT");
        }
        putEnv(values, origins, "user", "DB_USER");
        putEnv(values, origins, "password", "DB_PASSWORD");
    }

    private void putEnv(Map<String, String> values, Map<String, String> origins, String key, String variable) {
        String v = env.apply(variable);
        if (v != null && !v.isEmpty()) {
            put(values, origins, key, v, "environment " + variable);
        }
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String key, String value,
                            String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    private static Integer integer(Map<String, String> values, Map<String, String> origins, String key) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v + "' (from " + origins.get(key)
                    + ")");
        }
    }

    /** The parser's first line only: YAML's later lines quote the offending source line, which may hold a password. */
    private static String firstLine(String message) {
        return message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
    }

    private static Path path(Path projectRoot, String value) {
        return value == null ? null : projectRoot.resolve(value).normalize();
    }

    /** The nearest config file walking up from the working folder, or null. */
    Path findConfigFile() {
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            for (String name : FILE_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The file's settings; an unknown key, a nested value or bad syntax is an error naming the file. */
    static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist");
        }
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? new ObjectMapper()
                : new ObjectMapper(new YAMLFactory());
        // a key given twice is an error naming it and its line, not a silent "last one wins" (issue 18)
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException("config file " + file + (at != null ? ":" + at.getLineNr() + ":"
                    + at.getColumnNr() : "") + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + file + ": expected key: value settings at the top level");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!KEYS.contains(key)) {
                throw new ConfigException("config file " + file + ": unknown setting '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new ConfigException("config file " + file + ": setting '" + key + "' must be a plain value");
            }
            if (!v.isNull()) {
                values.put(key, v.asText());
            }
        }
        return values;
    }
}
