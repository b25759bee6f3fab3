package covet.dialect.mysql;

import covet.api.model.Index;
import java.util.Locale;

/**
 * FULLTEXT and SPATIAL indexes. The model's {@link Index} has no index method, and MySQL has no partial indexes,
 * so the otherwise unused {@code where} carries the marker {@code mysql:FULLTEXT} or {@code mysql:SPATIAL}: the
 * index then round-trips instead of being re-created as a B-tree that MySQL would refuse on TEXT columns.
 * A proper {@code Index.method} in covet.api would replace this.
 */
public final class MysqlIndexKind {
    public static final String FULLTEXT = "mysql:FULLTEXT";
    public static final String SPATIAL = "mysql:SPATIAL";

    private MysqlIndexKind() {
    }

    /** The marker for an information_schema INDEX_TYPE, or null for ordinary (BTREE, HASH) indexes. */
    static String markerFor(String indexType) {
        String t = indexType == null ? "" : indexType.toUpperCase(Locale.ROOT);
        return t.equals("FULLTEXT") ? FULLTEXT : t.equals("SPATIAL") ? SPATIAL : null;
    }

    /** The keyword before INDEX / KEY ("", "UNIQUE ", "FULLTEXT ", "SPATIAL "); fails on a real predicate. */
    static String keyword(Index index) {
        if (index.where() == null) {
            return index.unique() ? "UNIQUE " : "";
        }
        if (index.where().equals(FULLTEXT)) {
            return "FULLTEXT ";
        }
        if (index.where().equals(SPATIAL)) {
            return "SPATIAL ";
        }
        throw new MysqlUnsupportedException("partial indexes are not supported (index '" + index.name()
                + "' has WHERE " + index.where() + ")");
    }
}
