package covet.dialect.sqlite;

import covet.api.model.Table;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite's table options in {@link Table#options()}: {@code strict} (a STRICT table, whose columns hold only their
 * declared type) and {@code without_rowid} (a WITHOUT ROWID table, stored in its primary key), each with the value
 * {@code true}. They are read from {@code pragma_table_list} (its {@code strict} and {@code wr} columns) and written
 * after the column list.
 */
final class SqliteTableOptions {
    static final String STRICT = "strict";
    static final String WITHOUT_ROWID = "without_rowid";
    static final Set<String> KNOWN = Set.of(STRICT, WITHOUT_ROWID);

    private SqliteTableOptions() {
    }

    static Map<String, String> read(boolean withoutRowid, boolean strict) {
        Map<String, String> options = new TreeMap<>();
        if (withoutRowid) {
            options.put(WITHOUT_ROWID, "true");
        }
        if (strict) {
            options.put(STRICT, "true");
        }
        return options;
    }

    /** The wanted options as read back: an option set to false is the table without it. */
    static Map<String, String> normalize(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>();
        options.forEach((k, v) -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(key)) {
                out.put(k, v);
            } else if (!"false".equalsIgnoreCase(v)) {
                out.put(key, "true");
            }
        });
        return out;
    }

    /** The text after the column list: {@code  WITHOUT ROWID, STRICT} or empty. Unknown options are refused. */
    static String clause(Table table) {
        Map<String, String> options = normalize(table.options());
        for (String k : options.keySet()) {
            if (!KNOWN.contains(k)) {
                throw SqliteLimits.notSupported(table.name(), "table option " + k + " (SQLite's are strict and"
                        + " without_rowid) is");
            }
        }
        StringBuilder b = new StringBuilder();
        if (options.containsKey(WITHOUT_ROWID)) {
            b.append(" WITHOUT ROWID");
        }
        if (options.containsKey(STRICT)) {
            b.append(b.length() > 0 ? ", STRICT" : " STRICT");
        }
        return b.toString();
    }
}
