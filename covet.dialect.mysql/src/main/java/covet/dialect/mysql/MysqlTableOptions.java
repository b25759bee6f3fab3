package covet.dialect.mysql;

import covet.api.model.Column;
import covet.api.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * MySQL's table options in {@link Table#options()}: {@code engine} and {@code collate} where they differ from the
 * database's defaults ({@code @@default_storage_engine} and the database's collation, which the table would
 * inherit anyway), and every option {@code information_schema.TABLES.CREATE_OPTIONS} reports as declared
 * ({@code row_format}, {@code key_block_size}, {@code stats_persistent}, {@code checksum}, {@code pack_keys}, ...),
 * by lower-case name with the value as the server prints it. The AUTO_INCREMENT counter is data, not schema, and
 * the comment is {@link Table#comment()}. The character set is implied by the collation, so it is not a key of its
 * own. Keeping only what differs from the database makes a schema written without options (the Java API, the JSON
 * format) compare equal to what the server reads back.
 */
final class MysqlTableOptions {
    static final String ENGINE = "engine";
    static final String COLLATE = "collate";

    private MysqlTableOptions() {
    }

    /** The options of one information_schema.TABLES row, as the introspector reads them. */
    static Map<String, String> read(String engine, String collation, String createOptions, String defaultEngine,
                                    String defaultCollation) {
        Map<String, String> options = new TreeMap<>();
        if (engine != null && !engine.equalsIgnoreCase(defaultEngine)) {
            options.put(ENGINE, engine);
        }
        if (collation != null && !collation.equalsIgnoreCase(defaultCollation)) {
            options.put(COLLATE, collation.toLowerCase(Locale.ROOT));
        }
        if (createOptions != null) {
            for (String part : createOptions.strip().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    options.put(key(part.substring(0, eq)), part.substring(eq + 1));
                }
            }
        }
        return options;
    }

    /** Lower case, without the backticks MariaDB puts around engine-defined options. */
    private static String key(String raw) {
        return raw.replace("`", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The options as a user may write them: keys in lower case, engine and collation as the server spells them. */
    static Map<String, String> normalize(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>();
        options.forEach((k, v) -> {
            String key = key(k);
            if (key.equals("charset") || key.equals("character set") || key.equals("default charset")) {
                return; // implied by the collation
            }
            out.put(key, key.equals(COLLATE) ? v.strip().toLowerCase(Locale.ROOT)
                    : key.equals(ENGINE) ? engineSpelling(v.strip()) : v.strip());
        });
        return out;
    }

    private static String engineSpelling(String engine) {
        switch (engine.toLowerCase(Locale.ROOT)) {
            case "innodb": return "InnoDB";
            case "myisam": return "MyISAM";
            case "memory": return "MEMORY";
            case "aria": return "Aria";
            case "csv": return "CSV";
            case "archive": return "ARCHIVE";
            default: return engine;
        }
    }

    /** The table options clause of a CREATE TABLE, with a leading blank, or "" for none. */
    static String clause(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> {
            if (!k.equals(MysqlPartitions.OPTION)) {
                b.append(' ').append(option(k, v));
            }
        });
        return b.toString();
    }

    private static String option(String key, String value) {
        if (key.equals(COLLATE)) {
            return "COLLATE=" + value;
        }
        return key.toUpperCase(Locale.ROOT) + "=" + value;
    }

    /**
     * The statements that turn {@code from} options into {@code to} on {@code table}. A new default collation
     * converts the columns that inherit it ({@code CONVERT TO}, which rewrites the table) and then gives back their
     * own collation to the columns of {@code current} that declare one, which CONVERT would have changed too;
     * back to the database's default is {@code CONVERT TO CHARACTER SET DEFAULT}. A removed option is set to
     * {@code DEFAULT} (the engine to the server's default engine).
     */
    static List<String> alter(String table, Map<String, String> from, Map<String, String> to, Table current,
                              UnaryOperator<String> quote, MysqlRenderer renderer) {
        List<String> clauses = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(from.keySet());
        keys.addAll(to.keySet());
        boolean convert = false;
        String partitions = MysqlPartitions.alter(from.get(MysqlPartitions.OPTION), to.get(MysqlPartitions.OPTION));
        keys.remove(MysqlPartitions.OPTION);
        for (String k : keys) {
            String a = from.get(k);
            String b = to.get(k);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (k.equals(COLLATE)) {
                convert = true;
                clauses.add(b == null ? "CONVERT TO CHARACTER SET DEFAULT"
                        : "CONVERT TO CHARACTER SET " + charsetOf(b) + " COLLATE " + b);
            } else if (k.equals(ENGINE)) {
                clauses.add("ENGINE=" + (b == null ? "DEFAULT" : b));
            } else {
                clauses.add(option(k, b == null ? "DEFAULT" : b));
            }
        }
        List<String> out = new ArrayList<>();
        if (partitions != null) {
            // a partition change stands alone in its ALTER TABLE
            out.add("ALTER TABLE " + quote.apply(table) + " " + partitions);
        }
        if (clauses.isEmpty()) {
            return out;
        }
        out.add("ALTER TABLE " + quote.apply(table) + " " + String.join(", ", clauses));
        if (convert && current != null) {
            List<String> keep = new ArrayList<>();
            for (Column c : current.columns()) {
                if (c.collation() != null) {
                    keep.add("MODIFY COLUMN " + renderer.columnDefinition(c));
                }
            }
            if (!keep.isEmpty()) {
                out.add("ALTER TABLE " + quote.apply(table) + " " + String.join(", ", keep));
            }
        }
        return out;
    }

    /** The character set a collation belongs to: its name up to the first underscore ({@code binary} alone). */
    static String charsetOf(String collation) {
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }

    /** True when changing from {@code from} to {@code to} makes InnoDB copy the table. */
    static boolean rebuilds(Map<String, String> from, Map<String, String> to) {
        for (String k : List.of(ENGINE, COLLATE, "row_format", "key_block_size")) {
            if (!Objects.equals(from.get(k), to.get(k))) {
                return true;
            }
        }
        return false;
    }
}
