package covet.api.model;

import java.util.Locale;

/**
 * A column's type: a {@link LogicalType} that every dialect understands, or a {@link NativeType} that passes one
 * database's own spelling through untouched (arrays, enums, domains, unsigned, ...).
 *
 * <p>The text form, used in migration files, is {@code varchar(100)}, {@code decimal(12,2)}, {@code integer} or
 * {@code native:text[]}.
 */
public sealed interface ColumnType permits LogicalType, NativeType {

    String NATIVE_PREFIX = "native:";

    /** The text form; {@link #parse(String)} reads it back. */
    String spelling();

    static ColumnType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("column type is required");
        }
        String t = text.strip();
        if (t.startsWith(NATIVE_PREFIX)) {
            return new NativeType(t.substring(NATIVE_PREFIX.length()).strip());
        }
        String lower = t.toLowerCase(Locale.ROOT);
        int open = lower.indexOf('(');
        String base = (open < 0 ? lower : lower.substring(0, open)).strip();
        TypeKind kind = TypeKind.fromSpelling(base);
        if (kind == null) {
            throw new IllegalArgumentException("unknown column type '" + text
                    + "' (logical types: smallint, integer, bigint, decimal(p,s), float, double, boolean, char(n),"
                    + " varchar(n), text, date, time, timestamp, timestamptz, binary, json, uuid;"
                    + " a database's own type is written native:TYPE)");
        }
        if (open < 0) {
            return new LogicalType(kind, null, null, null);
        }
        if (!lower.endsWith(")")) {
            throw new IllegalArgumentException("column type '" + text + "' lacks its closing parenthesis");
        }
        String[] args = lower.substring(open + 1, lower.length() - 1).split(",");
        try {
            if (kind.takesLength() && args.length == 1) {
                return new LogicalType(kind, Integer.valueOf(args[0].strip()), null, null);
            }
            if (kind.takesPrecision() && args.length <= 2) {
                Integer scale = args.length == 2 ? Integer.valueOf(args[1].strip()) : null;
                return new LogicalType(kind, null, Integer.valueOf(args[0].strip()), scale);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column type '" + text + "' has a size that is not a number");
        }
        throw new IllegalArgumentException("column type '" + text + "' takes no such arguments");
    }
}
