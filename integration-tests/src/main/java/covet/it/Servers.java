package covet.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the test servers and the shared sample schemas are, and whether their absence skips a test (a developer's
 * laptop) or fails it ({@code COVET_TEST_REQUIRE=postgresql,mysql,schemas}, set by CI).
 */
public final class Servers {
    private Servers() {
    }

    public static String postgresUrl() {
        return env("COVET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }

    public static String mysqlUrl() {
        return env("COVET_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/?user=root&useSSL=false");
    }

    /** True when {@code what} (postgresql, mysql, schemas) must be present. */
    public static boolean required(String what) {
        String v = System.getenv("COVET_TEST_REQUIRE");
        if (v == null) {
            return false;
        }
        Set<String> names = Arrays.stream(v.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return names.contains(what);
    }

    /** The shared sample schemas folder, or null when absent. */
    public static Path sharedSchemas() {
        String dir = System.getenv("COVET_SHARED_DIR");
        Path p = dir != null ? Path.of(dir, "schemas") : repo().resolve("../shared/schemas");
        return Files.isDirectory(p) ? p.normalize() : null;
    }

    /** The repository root (the Maven multi-module folder). */
    public static Path repo() {
        String r = System.getProperty("covet.repo");
        return (r != null ? Path.of(r) : Path.of("..")).toAbsolutePath().normalize();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
