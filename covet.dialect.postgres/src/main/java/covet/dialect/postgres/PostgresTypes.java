package covet.dialect.postgres;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logical types to PostgreSQL and back. The reading side takes {@code format_type()}'s spelling, so anything that
 * is not a logical type (arrays, enums, domains, {@code json}, {@code timestamp(3)}, ...) comes back as a
 * {@link NativeType} that renders to the same spelling and round-trips.
 *
 * <p>{@code json} is stored as {@code jsonb}: it compares, indexes and de-duplicates keys; the text-preserving
 * {@code json} type stays reachable as {@code native:json}.
 */
final class PostgresTypes {
    private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)");

    /** Aliases a user may write in a native type, spelled as format_type() prints them. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int2", "smallint"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("bpchar", "character"), Map.entry("char", "character"), Map.entry("decimal", "numeric"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("timetz", "time with time zone"));

    private PostgresTypes() {
    }

    /** The SQL spelling of a column type in DDL. */
    static String toSql(ColumnType type) {
        if (type instanceof NativeType) {
            return ((NativeType) type).sql();
        }
        LogicalType t = (LogicalType) type;
        switch (t.kind()) {
            case SMALLINT: return "smallint";
            case INTEGER: return "integer";
            case BIGINT: return "bigint";
            case DECIMAL:
                if (t.precision() == null) {
                    return "numeric";
                }
                return "numeric(" + t.precision() + "," + (t.scale() == null ? 0 : t.scale()) + ")";
            case FLOAT: return "real";
            case DOUBLE: return "double precision";
            case BOOLEAN: return "boolean";
            case CHAR: return "character(" + (t.length() == null ? 1 : t.length()) + ")";
            case VARCHAR: return t.length() == null ? "character varying" : "character varying(" + t.length() + ")";
            case TEXT: return "text";
            case DATE: return "date";
            case TIME: return "time without time zone";
            case TIMESTAMP: return "timestamp without time zone";
            case TIMESTAMPTZ: return "timestamp with time zone";
            case BINARY: return "bytea";
            case JSON: return "jsonb";
            case UUID: return "uuid";
            default: throw new IllegalStateException("postgresql: no mapping for " + t.kind());
        }
    }

    /** The model type for a {@code format_type()} spelling. */
    static ColumnType fromCatalog(String formatted) {
        String f = formatted.strip();
        switch (f) {
            case "smallint": return LogicalType.of(TypeKind.SMALLINT);
            case "integer": return LogicalType.of(TypeKind.INTEGER);
            case "bigint": return LogicalType.of(TypeKind.BIGINT);
            case "numeric": return LogicalType.of(TypeKind.DECIMAL);
            case "real": return LogicalType.of(TypeKind.FLOAT);
            case "double precision": return LogicalType.of(TypeKind.DOUBLE);
            case "boolean": return LogicalType.of(TypeKind.BOOLEAN);
            case "character varying": return LogicalType.of(TypeKind.VARCHAR);
            case "text": return LogicalType.of(TypeKind.TEXT);
            case "date": return LogicalType.of(TypeKind.DATE);
            case "time without time zone": return LogicalType.of(TypeKind.TIME);
            case "timestamp without time zone": return LogicalType.of(TypeKind.TIMESTAMP);
            case "timestamp with time zone": return LogicalType.of(TypeKind.TIMESTAMPTZ);
            case "bytea": return LogicalType.of(TypeKind.BINARY);
            case "jsonb": return LogicalType.of(TypeKind.JSON);
            case "uuid": return LogicalType.of(TypeKind.UUID);
            default: return sized(f);
        }
    }

    private static ColumnType sized(String f) {
        Matcher m = SIZED.matcher(f);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "numeric":
                    return LogicalType.decimal(first, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                case "character varying":
                    return new LogicalType(TypeKind.VARCHAR, first, null, null);
                case "character":
                    return new LogicalType(TypeKind.CHAR, first, null, null);
                default:
                    break;
            }
        }
        return new NativeType(f);
    }

    /**
     * A type as the catalog will report it: logical types with the sizes PostgreSQL fills in, native spellings with
     * common aliases ({@code int4}, {@code varchar(20)[]}, {@code TIMESTAMPTZ}) rewritten as format_type() prints
     * them. A native spelling of a logical type becomes that logical type.
     */
    static ColumnType normalize(ColumnType type) {
        if (type instanceof LogicalType) {
            return fromCatalog(toSql(type));
        }
        String sql = ((NativeType) type).sql().strip();
        if (sql.indexOf('"') >= 0) {
            return type;
        }
        // unquoted names fold to lower case, as the server does
        String lower = sql.toLowerCase(Locale.ROOT);
        String arrays = "";
        while (lower.endsWith("[]")) {
            arrays += "[]";
            lower = lower.substring(0, lower.length() - 2).strip();
        }
        String base = lower;
        String args = "";
        int open = lower.indexOf('(');
        if (open > 0 && lower.endsWith(")")) {
            base = lower.substring(0, open).strip();
            args = "(" + lower.substring(open + 1, lower.length() - 1).replace(" ", "") + ")";
        }
        base = base.replaceAll("\\s+", " ");
        String spelled = ALIASES.getOrDefault(base, base);
        if (spelled.startsWith("time") && spelled.contains(" ") && !args.isEmpty()) {
            int space = spelled.indexOf(' ');
            spelled = spelled.substring(0, space) + args + spelled.substring(space);
            args = "";
        }
        if (spelled.equals("character") && args.isEmpty()) {
            args = "(1)";
        }
        if (spelled.equals("numeric") && args.matches("\\(\\d+\\)")) {
            args = args.substring(0, args.length() - 1) + ",0)";
        }
        String full = spelled + args;
        return arrays.isEmpty() ? fromCatalog(full) : new NativeType(full + arrays);
    }

    /** Types an identity column accepts. */
    static boolean isIntegral(ColumnType type) {
        if (!(type instanceof LogicalType)) {
            return false;
        }
        TypeKind k = ((LogicalType) type).kind();
        return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT;
    }

    static boolean isNumeric(ColumnType type) {
        if (!(type instanceof LogicalType)) {
            return false;
        }
        TypeKind k = ((LogicalType) type).kind();
        return isIntegral(type) || k == TypeKind.DECIMAL || k == TypeKind.FLOAT || k == TypeKind.DOUBLE;
    }
}
