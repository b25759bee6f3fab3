package covet.dialect.mysql;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column defaults in one canonical spelling, MariaDB's: string literals quoted with {@code ''} and backslash
 * escapes, numbers bare and scaled like the column, {@code CURRENT_TIMESTAMP[(n)]} in upper case, no default as
 * null (MariaDB reports a nullable column without default as the text {@code NULL}). MySQL has no ON UPDATE in
 * the model, so {@code ON UPDATE CURRENT_TIMESTAMP} rides in the default: {@code CURRENT_TIMESTAMP ON UPDATE
 * CURRENT_TIMESTAMP} is valid right after DEFAULT.
 */
public final class MysqlDefaults {
    private static final Pattern NOW = Pattern.compile(
            "(?i)(current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)\\s+on\\s+update\\s+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private MysqlDefaults() {
    }

    /** The canonical spelling of {@code expression} as the default of a column of {@code type}; null for none. */
    public static String normalize(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        Matcher on = ON_UPDATE.matcher(e);
        if (on.find()) {
            String left = normalize(e.substring(0, on.start()), type);
            return (left == null ? "NULL" : left) + " ON UPDATE " + now(e.substring(on.end()).strip());
        }
        if (e.isEmpty() || e.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (NOW.matcher(e).matches()) {
            return now(e);
        }
        TypeKind kind = type instanceof LogicalType ? ((LogicalType) type).kind() : null;
        if (kind == TypeKind.BOOLEAN && (e.equalsIgnoreCase("TRUE") || e.equalsIgnoreCase("FALSE"))) {
            return e.equalsIgnoreCase("TRUE") ? "1" : "0";
        }
        String value = isStringLiteral(e) ? unquote(e) : null;
        if (numeric(kind)) {
            String n = value != null ? value.strip() : e;
            return NUMBER.matcher(n).matches() ? number(n, (LogicalType) type) : e;
        }
        if (value != null) {
            return quote(value);
        }
        if (textual(kind) && NUMBER.matcher(e).matches()) {
            return quote(e);
        }
        return e;
    }

    /** A string as a MySQL literal, spelled as MariaDB prints defaults. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'': b.append("''"); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\0': b.append("\\0"); break;
                case '\u001a': b.append("\\Z"); break;
                default: b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    static boolean isStringLiteral(String e) {
        return e.length() >= 2 && e.charAt(0) == '\'' && e.charAt(e.length() - 1) == '\'';
    }

    /** The value of a single-quoted MySQL literal (doubled quotes and backslash escapes undone). */
    static String unquote(String literal) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\'' && i + 1 < literal.length() - 1 && literal.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < literal.length() - 1) {
                char n = literal.charAt(++i);
                switch (n) {
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case '0': b.append('\0'); break;
                    case 'Z': b.append('\u001a'); break;
                    case 'b': b.append('\b'); break;
                    default: b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String now(String e) {
        Matcher m = NOW.matcher(e);
        if (!m.matches()) {
            return e;
        }
        String fsp = m.group(2);
        return fsp == null || fsp.isEmpty() || fsp.equals("0") ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + fsp + ")";
    }

    private static String number(String n, LogicalType type) {
        BigDecimal d = new BigDecimal(n);
        switch (type.kind()) {
            case DECIMAL:
                return d.setScale(type.scale() == null ? 0 : type.scale(), RoundingMode.HALF_UP)
                        .toPlainString();
            case FLOAT:
            case DOUBLE:
                return d.stripTrailingZeros().toPlainString();
            default:
                return d.toBigInteger().toString();
        }
    }

    private static boolean numeric(TypeKind kind) {
        return kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT
                || kind == TypeKind.DECIMAL || kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE
                || kind == TypeKind.BOOLEAN;
    }

    private static boolean textual(TypeKind kind) {
        return kind != null && !numeric(kind) && kind != TypeKind.BINARY;
    }
}
