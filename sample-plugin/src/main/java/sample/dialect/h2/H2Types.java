package sample.dialect.h2;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.util.Locale;

/**
 * Logical types to H2's standard spellings and back from {@code INFORMATION_SCHEMA.COLUMNS}. Lengths H2 reports
 * for unbounded types (1,000,000,000) mean "no length": text, binary and json.
 */
final class H2Types {
    /** What H2 reports as the length of CHARACTER VARYING, BINARY VARYING and JSON declared without one. */
    static final long UNBOUNDED = 1_000_000_000L;

    private H2Types() {
    }

    static String toSql(ColumnType type) {
        if (type instanceof NativeType) {
            return ((NativeType) type).sql();
        }
        LogicalType t = (LogicalType) type;
        switch (t.kind()) {
            case SMALLINT: return "SMALLINT";
            case INTEGER: return "INTEGER";
            case BIGINT: return "BIGINT";
            case DECIMAL: return t.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + t.precision() + "," + (t.scale() == null ? 0 : t.scale()) + ")";
            case FLOAT: return "REAL";
            case DOUBLE: return "DOUBLE PRECISION";
            case BOOLEAN: return "BOOLEAN";
            case CHAR: return "CHARACTER(" + (t.length() == null ? 1 : t.length()) + ")";
            case VARCHAR: return t.length() == null ? "CHARACTER VARYING" : "CHARACTER VARYING(" + t.length() + ")";
            case TEXT: return "CHARACTER VARYING";
            case DATE: return "DATE";
            case TIME: return "TIME";
            case TIMESTAMP: return "TIMESTAMP";
            case TIMESTAMPTZ: return "TIMESTAMP WITH TIME ZONE";
            case BINARY: return "BINARY VARYING";
            case JSON: return "JSON";
            case UUID: return "UUID";
            default: throw new IllegalArgumentException("h2: no mapping for type " + t.spelling());
        }
    }

    /** A column's type from its catalog row; anything without a logical counterpart stays native. */
    static ColumnType fromCatalog(String dataType, Long length, Integer precision, Integer scale) {
        String d = dataType.toUpperCase(Locale.ROOT);
        switch (d) {
            case "SMALLINT": return LogicalType.of(TypeKind.SMALLINT);
            case "INTEGER": return LogicalType.of(TypeKind.INTEGER);
            case "BIGINT": return LogicalType.of(TypeKind.BIGINT);
            case "NUMERIC": case "DECIMAL": return LogicalType.decimal(precision, scale == null ? 0 : scale);
            case "REAL": return LogicalType.of(TypeKind.FLOAT);
            case "DOUBLE PRECISION": return LogicalType.of(TypeKind.DOUBLE);
            case "BOOLEAN": return LogicalType.of(TypeKind.BOOLEAN);
            case "CHARACTER": return new LogicalType(TypeKind.CHAR, length.intValue(), null, null);
            case "CHARACTER VARYING": return length == null || length >= UNBOUNDED ? LogicalType.of(TypeKind.TEXT)
                    : LogicalType.varchar(length.intValue());
            case "DATE": return LogicalType.of(TypeKind.DATE);
            case "TIME": return LogicalType.of(TypeKind.TIME);
            case "TIMESTAMP": return LogicalType.of(TypeKind.TIMESTAMP);
            case "TIMESTAMP WITH TIME ZONE": return LogicalType.of(TypeKind.TIMESTAMPTZ);
            case "BINARY VARYING": return length == null || length >= UNBOUNDED ? LogicalType.of(TypeKind.BINARY)
                    : new NativeType("BINARY VARYING(" + length + ")");
            case "JSON": return LogicalType.of(TypeKind.JSON);
            case "UUID": return LogicalType.of(TypeKind.UUID);
            default: return new NativeType(length != null && length < UNBOUNDED ? d + "(" + length + ")" : d);
        }
    }

    /** The type the introspector reports once {@code type} is created: native spellings of logical types fold. */
    static ColumnType normalize(ColumnType type) {
        if (type instanceof LogicalType) {
            LogicalType t = (LogicalType) type;
            if (t.kind() == TypeKind.DECIMAL && (t.precision() == null || t.scale() == null)) {
                return LogicalType.decimal(t.precision() == null ? 100_000 : t.precision(), 0);
            }
            if (t.kind() == TypeKind.CHAR && t.length() == null) {
                return new LogicalType(TypeKind.CHAR, 1, null, null);
            }
            if (t.kind() == TypeKind.VARCHAR && t.length() == null) {
                return LogicalType.of(TypeKind.TEXT);
            }
            return t;
        }
        String sql = ((NativeType) type).sql().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (sql) {
            case "INT": case "INT4": return LogicalType.of(TypeKind.INTEGER);
            case "INT8": return LogicalType.of(TypeKind.BIGINT);
            case "VARCHAR": return LogicalType.of(TypeKind.TEXT);
            case "DOUBLE": case "FLOAT8": return LogicalType.of(TypeKind.DOUBLE);
            default: return new NativeType(sql);
        }
    }
}
