package covet.dialect.sqlite;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.util.Locale;
import java.util.Map;

/**
 * Logical types both ways. SQLite keeps a column's declared type verbatim (it only derives an affinity from it), so
 * each logical type is given one declared spelling and reading that spelling back yields the same logical type.
 * Any other declared type is a {@link NativeType} holding the text as written.
 */
final class SqliteTypes {

    private static final Map<TypeKind, String> DECLARED = Map.ofEntries(
            Map.entry(TypeKind.SMALLINT, "SMALLINT"), Map.entry(TypeKind.INTEGER, "INTEGER"),
            Map.entry(TypeKind.BIGINT, "BIGINT"), Map.entry(TypeKind.DECIMAL, "DECIMAL"),
            Map.entry(TypeKind.FLOAT, "FLOAT"), Map.entry(TypeKind.DOUBLE, "DOUBLE"),
            Map.entry(TypeKind.BOOLEAN, "BOOLEAN"), Map.entry(TypeKind.CHAR, "CHAR"),
            Map.entry(TypeKind.VARCHAR, "VARCHAR"), Map.entry(TypeKind.TEXT, "TEXT"),
            Map.entry(TypeKind.DATE, "DATE"), Map.entry(TypeKind.TIME, "TIME"),
            Map.entry(TypeKind.TIMESTAMP, "TIMESTAMP"), Map.entry(TypeKind.TIMESTAMPTZ, "TIMESTAMPTZ"),
            // BLOB, not BINARY: BINARY would get NUMERIC affinity and coerce numeric-looking bytes.
            Map.entry(TypeKind.BINARY, "BLOB"), Map.entry(TypeKind.JSON, "JSON"),
            Map.entry(TypeKind.UUID, "UUID"));

    private SqliteTypes() {
    }

    /** The declared type written into CREATE TABLE. */
    static String render(ColumnType type) {
        if (type instanceof NativeType) {
            return ((NativeType) type).sql();
        }
        LogicalType t = (LogicalType) type;
        String base = DECLARED.get(t.kind());
        if (t.length() != null) {
            return base + "(" + t.length() + ")";
        }
        if (t.precision() != null) {
            return base + "(" + t.precision() + (t.scale() != null ? "," + t.scale() : "") + ")";
        }
        return base;
    }

    /** The type a declared type stands for. An untyped column (BLOB affinity) reads as binary, as BLOB does. */
    static ColumnType fromDeclared(String declared) {
        if (declared == null || declared.isBlank()) {
            return LogicalType.of(TypeKind.BINARY);
        }
        String compact = declared.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1")
                .toUpperCase(Locale.ROOT);
        int open = compact.indexOf('(');
        String base = open < 0 ? compact : compact.substring(0, open);
        TypeKind kind = kindOf(base);
        if (kind == null) {
            return new NativeType(declared.strip());
        }
        if (open < 0) {
            return LogicalType.of(kind);
        }
        if (!compact.endsWith(")")) {
            return new NativeType(declared.strip());
        }
        String[] args = compact.substring(open + 1, compact.length() - 1).split(",", -1);
        try {
            if (kind.takesLength() && args.length == 1) {
                return new LogicalType(kind, Integer.valueOf(args[0]), null, null);
            }
            if (kind.takesPrecision() && args.length <= 2) {
                return new LogicalType(kind, null, Integer.valueOf(args[0]),
                        args.length == 2 ? Integer.valueOf(args[1]) : null);
            }
        } catch (IllegalArgumentException e) {
            // not numbers, or out of range for the logical type: keep the database's own spelling
        }
        return new NativeType(declared.strip());
    }

    private static TypeKind kindOf(String base) {
        for (Map.Entry<TypeKind, String> e : DECLARED.entrySet()) {
            if (e.getValue().equals(base)) {
                return e.getKey();
            }
        }
        return null;
    }
}
