package covet.dialect.mysql;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logical types to MySQL spellings and back. Reading goes through {@code information_schema.COLUMNS.COLUMN_TYPE},
 * so what {@link #toSql} writes must read back to the same logical type ({@link #normalize} checks that by doing
 * exactly the round trip on paper). Everything without a logical twin stays a {@link NativeType} in the server's
 * own spelling (enum, set, unsigned, mediumtext, year, bit, geometry, datetime(6), ...).
 *
 * <p>timestamp is {@code datetime}: MySQL's TIMESTAMP stops in 2038 and converts from and to the session time
 * zone. timestamptz is exactly that TIMESTAMP: an instant stored in UTC and shown in the session zone (the dialect
 * pins the session to UTC). binary is {@code longblob} (unbounded, like bytea and SQLite blobs). uuid is
 * {@code char(36)} and reads back as {@code char(36)}: MariaDB 10.7's own uuid type reads as {@code native:uuid}.
 */
public final class MysqlTypes {
    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern INT_WIDTH =
            Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)(?!.*zerofill)");
    private static final Pattern UTF8 = Pattern.compile("\\butf8(?!mb)");

    private MysqlTypes() {
    }

    /** The SQL spelling of a column type in a CREATE or ALTER. */
    public static String toSql(ColumnType type) {
        if (type instanceof NativeType) {
            return ((NativeType) type).sql();
        }
        LogicalType t = (LogicalType) type;
        switch (t.kind()) {
            case SMALLINT: return "smallint";
            case INTEGER: return "int";
            case BIGINT: return "bigint";
            case DECIMAL: return "decimal(" + (t.precision() == null ? 10 : t.precision()) + ","
                    + (t.scale() == null ? 0 : t.scale()) + ")";
            case FLOAT: return "float";
            case DOUBLE: return "double";
            case BOOLEAN: return "tinyint(1)";
            case CHAR: return "char(" + (t.length() == null ? 1 : t.length()) + ")";
            // MySQL refuses varchar without a length; 255 is what most ORMs pick.
            case VARCHAR: return "varchar(" + (t.length() == null ? 255 : t.length()) + ")";
            case TEXT: return "text";
            case DATE: return "date";
            case TIME: return "time";
            case TIMESTAMP: return "datetime";
            case TIMESTAMPTZ: return "timestamp";
            case BINARY: return "longblob";
            case JSON: return "json";
            case UUID: return "char(36)";
            default: throw new IllegalStateException("mysql: no mapping for " + t.kind());
        }
    }

    /** A COLUMN_TYPE value (or any MySQL type spelling) as a logical type when it has one, else native. */
    public static ColumnType fromColumnType(String columnType) {
        String c = canonicalNative(columnType);
        Matcher m = SIZED.matcher(c);
        if (m.matches()) {
            String base = m.group(1).strip();
            int a = Integer.parseInt(m.group(2));
            Integer b = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            if ((base.equals("decimal") || base.equals("numeric")) && a > 0) {
                return new LogicalType(TypeKind.DECIMAL, null, a, b == null ? 0 : b);
            }
            if (b == null && a > 0 && (base.equals("char") || base.equals("nchar"))) {
                return new LogicalType(TypeKind.CHAR, a, null, null);
            }
            if (b == null && a > 0 && (base.equals("varchar") || base.equals("nvarchar"))) {
                return new LogicalType(TypeKind.VARCHAR, a, null, null);
            }
            if (base.equals("tinyint") && a == 1 && b == null) {
                return LogicalType.of(TypeKind.BOOLEAN);
            }
            return new NativeType(c);
        }
        switch (c) {
            case "smallint": return LogicalType.of(TypeKind.SMALLINT);
            case "int": return LogicalType.of(TypeKind.INTEGER);
            case "bigint": return LogicalType.of(TypeKind.BIGINT);
            case "decimal": return LogicalType.decimal(10, 0);
            case "float": return LogicalType.of(TypeKind.FLOAT);
            case "double": return LogicalType.of(TypeKind.DOUBLE);
            case "bool": case "boolean": return LogicalType.of(TypeKind.BOOLEAN);
            case "char": return new LogicalType(TypeKind.CHAR, 1, null, null);
            case "text": return LogicalType.of(TypeKind.TEXT);
            case "date": return LogicalType.of(TypeKind.DATE);
            case "time": return LogicalType.of(TypeKind.TIME);
            case "datetime": return LogicalType.of(TypeKind.TIMESTAMP);
            case "timestamp": return LogicalType.of(TypeKind.TIMESTAMPTZ);
            case "longblob": return LogicalType.of(TypeKind.BINARY);
            case "json": return LogicalType.of(TypeKind.JSON);
            default: return new NativeType(c);
        }
    }

    /** What the server would report for {@code type}: a logical type after the write-then-read round trip. */
    public static ColumnType normalize(ColumnType type) {
        return type instanceof LogicalType ? fromColumnType(toSql(type)) : fromColumnType(((NativeType) type).sql());
    }

    /**
     * The server's spelling of a native type: lower case outside quoted enum values, no blanks inside
     * parentheses, no integer display widths (MySQL 8.0.19 dropped them, MariaDB still prints them), utf8 as
     * utf8mb3 and the synonyms MySQL rewrites (integer, numeric, real, double precision).
     */
    public static String canonicalNative(String sql) {
        StringBuilder b = new StringBuilder();
        char quote = 0;
        String s = sql.strip();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote == 0 && (ch == '\'' || ch == '`')) {
                quote = ch;
                b.append(ch);
            } else if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                b.append(ch);
            } else if (Character.isWhitespace(ch)) {
                char last = b.length() == 0 ? ' ' : b.charAt(b.length() - 1);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                boolean keepBeforeParen = next == '(' && b.toString().endsWith(" as");
                if (last != ' ' && last != '(' && last != ',' && next != ')' && next != ','
                        && (next != '(' || keepBeforeParen) && !Character.isWhitespace(next)) {
                    b.append(' ');
                }
            } else {
                b.append(Character.toLowerCase(ch));
            }
        }
        String c = b.toString();
        c = c.replaceFirst("^integer\\b", "int").replaceFirst("^numeric\\b", "decimal")
                .replaceFirst("^double precision\\b", "double").replaceFirst("^real\\b", "double")
                .replaceFirst("^(bool|boolean)$", "tinyint(1)");
        Matcher w = INT_WIDTH.matcher(c);
        if (w.find() && !c.startsWith("tinyint(1)")) {
            c = w.group(1).replace("integer", "int") + c.substring(w.end());
        }
        if (c.startsWith("year(4)")) {
            c = "year" + c.substring("year(4)".length());
        }
        return UTF8.matcher(c).replaceAll("utf8mb3");
    }
}
