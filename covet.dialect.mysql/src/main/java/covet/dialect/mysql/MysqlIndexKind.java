package covet.dialect.mysql;

import covet.api.model.Index;
import java.util.Locale;

/**
 * FULLTEXT and SPATIAL indexes, as {@link Index#method()} {@code fulltext} and {@code spatial}. Before the model had
 * index methods, MySQL's otherwise unused {@code where} carried the marker {@code mysql:FULLTEXT} or
 * {@code mysql:SPATIAL}; migration files written then still hold it, so the marker is still read (rendered as the
 * method, and normalised into it) and never written.
 */
public final class MysqlIndexKind {
    public static final String FULLTEXT = "fulltext";
    public static final String SPATIAL = "spatial";
    /** The markers of older migration files. */
    static final String LEGACY_FULLTEXT = "mysql:FULLTEXT";
    static final String LEGACY_SPATIAL = "mysql:SPATIAL";

    private MysqlIndexKind() {
    }

    public static final String BTREE = "btree";
    public static final String HASH = "hash";

    /**
     * The method for an information_schema INDEX_TYPE on a table of {@code engine} (null: the server's default
     * engine), or null for the engine's own default (HASH for MEMORY, BTREE for the others).
     */
    static String methodFor(String indexType, String engine) {
        String t = indexType == null ? "" : indexType.toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals(defaultMethod(engine)) ? null : t;
    }

    /** HASH for MEMORY (HEAP) tables, BTREE for every other engine. */
    static String defaultMethod(String engine) {
        return engine != null && (engine.equalsIgnoreCase("memory") || engine.equalsIgnoreCase("heap"))
                ? HASH : BTREE;
    }

    /** " USING HASH" or " USING BTREE" for an index that names one of those methods, else "". */
    static String using(Index index) {
        Index i = canonical(index);
        return i.method() != null && (i.method().equals(HASH) || i.method().equals(BTREE))
                ? " USING " + i.method().toUpperCase(Locale.ROOT) : "";
    }

    /** The index with a legacy marker moved to its method, and the engine's default method as null. */
    static Index canonical(Index index, String engine) {
        Index i = canonical(index);
        return i.method() == null ? i : i.withMethod(i.method().equals(defaultMethod(engine)) ? null : i.method());
    }

    /** The index with a legacy marker moved to its method in lower case. */
    static Index canonical(Index index) {
        Index i = index;
        if (LEGACY_FULLTEXT.equals(i.where())) {
            i = i.withWhere(null).withMethod(FULLTEXT);
        } else if (LEGACY_SPATIAL.equals(i.where())) {
            i = i.withWhere(null).withMethod(SPATIAL);
        }
        if (i.method() != null) {
            String m = i.method().toLowerCase(Locale.ROOT);
            i = i.withMethod(m);
        }
        return i;
    }

    /** "FULLTEXT " or "SPATIAL " for those methods, "" for btree, hash or none, null for any other method. */
    static String keywordOf(String method) {
        if (method == null) {
            return "";
        }
        switch (method.toLowerCase(Locale.ROOT)) {
            case FULLTEXT: return "FULLTEXT ";
            case SPATIAL: return "SPATIAL ";
            case BTREE: case HASH: return "";
            default: return null;
        }
    }

    /** The keyword before INDEX / KEY ("", "UNIQUE ", "FULLTEXT ", "SPATIAL "); fails on a real predicate. */
    static String keyword(String table, Index index) {
        MysqlLimits.index(table, index);
        Index i = canonical(index);
        if (i.where() != null) {
            throw new MysqlUnsupportedException("partial indexes are not supported (index '" + i.name()
                    + "' has WHERE " + i.where() + ")");
        }
        String kind = keywordOf(i.method());
        return kind.isEmpty() && i.unique() ? "UNIQUE " : kind;
    }
}
