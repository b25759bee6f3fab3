package covet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the migration files of a reliability scenario: a chain of migrations, each of which creates one table and
 * then changes it in steps that the database shows (a column, an index), so that a test can tell from the schema
 * exactly how many operations of each migration took effect.
 */
final class ReliabilityMigrations {
    /** Operations per chain migration: CreateTable, AddColumn, CreateIndex. */
    static final int OPS = 3;

    private ReliabilityMigrations() {
    }

    static String id(int i) {
        return "20260101_" + String.format("%06d", i) + "_step" + i;
    }

    static String table(int i) {
        return "rel_t" + i;
    }

    /** Writes migrations {@code 1..count} as a dependency chain into {@code project/migrations}. */
    static List<String> writeChain(Path project, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            write(project, id(i), i == 1 ? null : id(i - 1), chainOps(i));
            ids.add(id(i));
        }
        return ids;
    }

    static List<String> chainOps(int i) {
        String t = table(i);
        return List.of(
                "{\"op\": \"CreateTable\", \"table\": {\"name\": \"" + t + "\", \"columns\": ["
                        + "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false},"
                        + "{\"name\": \"c1\", \"type\": \"varchar(40)\"}], \"primaryKey\": {\"columns\": [\"id\"]}}}",
                "{\"op\": \"AddColumn\", \"table\": \"" + t + "\", \"column\": {\"name\": \"c2\", \"type\": \"integer\"}}",
                "{\"op\": \"CreateIndex\", \"table\": \"" + t + "\", \"index\": {\"name\": \"ix_" + t + "_c2\","
                        + " \"columns\": [\"c2\"]}}");
    }

    static String runSql(String sql, String reverse) {
        return "{\"op\": \"RunSQL\", \"sql\": [" + json(sql) + "]"
                + (reverse == null ? "" : ", \"reverseSql\": [" + (reverse.isEmpty() ? "" : json(reverse)) + "]")
                + "}";
    }

    /** Writes one migration file; {@code dependency} may be null. */
    static Path write(Path project, String id, String dependency, List<String> operations) {
        String json = "{\n  \"format\": 1,\n  \"id\": \"" + id + "\",\n  \"app\": \"default\",\n"
                + "  \"dependencies\": [" + (dependency == null ? "" : "\"" + dependency + "\"") + "],\n"
                + "  \"operations\": [\n    " + String.join(",\n    ", operations) + "\n  ]\n}\n";
        try {
            Path dir = Files.createDirectories(project.resolve("migrations"));
            return Files.writeString(dir.resolve(id + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * How many operations of chain migration {@code i} the schema shows: 0 without its table, 1 with the table
     * only, 2 with column c2, 3 with its index.
     */
    static int opsVisible(ReliabilityDb db, int i) {
        String t = table(i);
        if (!db.tables().contains(t)) {
            return 0;
        }
        if (!db.columns(t).contains("c2")) {
            return 1;
        }
        String indexQuery = switch (db.kind) {
            case SQLITE -> "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'ix_" + t + "_c2'";
            case POSTGRES -> "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND indexname = 'ix_" + t + "_c2'";
            case MYSQL -> "SELECT count(DISTINCT index_name) FROM information_schema.statistics "
                    + "WHERE table_schema = DATABASE() AND table_name = '" + t + "' AND index_name = 'ix_" + t + "_c2'";
        };
        return db.query(indexQuery).get(0).equals("1") ? 3 : 2;
    }
}
