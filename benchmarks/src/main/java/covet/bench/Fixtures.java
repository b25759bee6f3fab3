package covet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The same N generated migrations in each tool's form: {@code sql/V<n>__m<n>.sql} (raw and Flyway),
 * {@code liquibase/changelog.sql} (one formatted-SQL changelog, a changeset per migration) and {@code covet/<id>.json}
 * (CreateTable + CreateIndex, each depending on the one before, as makemigrations writes them).
 */
public record Fixtures(Path root, int n) {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    public Path sqlDir() {
        return root.resolve("sql");
    }

    public Path covetDir() {
        return root.resolve("covet");
    }

    public Path liquibaseDir() {
        return root.resolve("liquibase");
    }

    public static String table(int i) {
        return String.format("t%04d", i);
    }

    public static String ddl(int i) {
        String t = table(i);
        return "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL,\n"
                + "  description TEXT, quantity INTEGER DEFAULT 0, created_at TIMESTAMP, active BOOLEAN);\n"
                + "CREATE INDEX ix_" + t + "_name ON " + t + " (name);\n";
    }

    public static String covetId(int i) {
        return LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i).format(ID_TIME) + "_m" + String.format("%04d", i);
    }

    /** Writes every form once; a folder already holding N migrations is reused. */
    public static Fixtures write(Path root, int n) throws IOException {
        Fixtures f = new Fixtures(root, n);
        Path marker = root.resolve(".complete");
        if (Files.exists(marker)) {
            return f;
        }
        Files.createDirectories(f.sqlDir());
        Files.createDirectories(f.covetDir());
        Files.createDirectories(f.liquibaseDir());
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
        for (int i = 1; i <= n; i++) {
            Files.writeString(f.sqlDir().resolve("V" + i + "__m" + i + ".sql"), ddl(i), StandardCharsets.UTF_8);
            changelog.append("\n--changeset bench:").append(i).append('\n').append(ddl(i));
            Files.writeString(f.covetDir().resolve(covetId(i) + ".json"), covetJson(i), StandardCharsets.UTF_8);
        }
        Files.writeString(f.liquibaseDir().resolve("changelog.sql"), changelog, StandardCharsets.UTF_8);
        Files.writeString(marker, Integer.toString(n));
        return f;
    }

    static String covetJson(int i) {
        String t = table(i);
        String deps = i == 1 ? "[]" : "[\"" + covetId(i - 1) + "\"]";
        return "{\n  \"format\": 1,\n  \"id\": \"" + covetId(i) + "\",\n  \"app\": \"default\",\n"
                + "  \"dependencies\": " + deps + ",\n  \"operations\": [\n"
                + "    {\"op\": \"CreateTable\", \"table\": {\"name\": \"" + t + "\", \"columns\": [\n"
                + "      {\"name\": \"id\", \"type\": \"integer\", \"nullable\": false},\n"
                + "      {\"name\": \"name\", \"type\": \"varchar(100)\", \"nullable\": false},\n"
                + "      {\"name\": \"description\", \"type\": \"text\"},\n"
                + "      {\"name\": \"quantity\", \"type\": \"integer\", \"default\": \"0\"},\n"
                + "      {\"name\": \"created_at\", \"type\": \"timestamp\"},\n"
                + "      {\"name\": \"active\", \"type\": \"boolean\"}],\n"
                + "      \"primaryKey\": {\"columns\": [\"id\"]}}},\n"
                + "    {\"op\": \"CreateIndex\", \"table\": \"" + t + "\", \"index\": {\"name\": \"ix_" + t
                + "_name\", \"columns\": [\"name\"]}}\n  ]\n}\n";
    }
}
