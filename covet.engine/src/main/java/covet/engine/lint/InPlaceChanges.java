package covet.engine.lint;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import java.util.regex.Pattern;

/** Which changes each database makes without rewriting or rebuilding the table. */
final class InPlaceChanges {
    /** A literal SQLite's ADD COLUMN takes as default without rebuilding. */
    private static final Pattern SQLITE_CONSTANT = Pattern.compile(
            "-?\\d+(\\.\\d+)?|'([^']|'')*'|null|true|false", Pattern.CASE_INSENSITIVE);

    private InPlaceChanges() {
    }

    static boolean sqliteAddsColumn(Column c) {
        if (c.autoIncrement()) {
            return false;
        }
        if (c.defaultValue() == null) {
            return c.nullable();
        }
        String d = c.defaultValue().strip();
        return SQLITE_CONSTANT.matcher(d).matches() && (c.nullable() || !d.equalsIgnoreCase("null"));
    }

    /** PostgreSQL changes these without touching the rows (binary-coercible, or a wider limit). */
    static boolean postgresCoercible(ColumnType from, ColumnType to) {
        if (!(from instanceof LogicalType) || !(to instanceof LogicalType)) {
            return false;
        }
        LogicalType a = (LogicalType) from;
        LogicalType b = (LogicalType) to;
        boolean aText = a.kind() == TypeKind.VARCHAR || a.kind() == TypeKind.TEXT;
        if (aText && b.kind() == TypeKind.TEXT) {
            return true;
        }
        if (aText && b.kind() == TypeKind.VARCHAR) {
            return b.length() == null || (a.kind() == TypeKind.VARCHAR && a.length() != null
                    && b.length() >= a.length());
        }
        if (a.kind() == TypeKind.DECIMAL && b.kind() == TypeKind.DECIMAL) {
            return b.precision() == null || (a.precision() != null && b.precision() >= a.precision()
                    && scale(a) == scale(b));
        }
        return false;
    }

    /**
     * InnoDB widens a VARCHAR in place while its length prefix keeps its size (up to 255 bytes, or above:
     * 63 / 64 characters at utf8mb4's 4 bytes); every other type change copies the table.
     */
    static boolean mysqlInPlace(ColumnType from, ColumnType to) {
        if (!(from instanceof LogicalType) || !(to instanceof LogicalType)) {
            return false;
        }
        LogicalType a = (LogicalType) from;
        LogicalType b = (LogicalType) to;
        if (a.kind() != TypeKind.VARCHAR || b.kind() != TypeKind.VARCHAR || a.length() == null
                || b.length() == null || b.length() < a.length()) {
            return false;
        }
        return (a.length() <= 63) == (b.length() <= 63);
    }

    private static int scale(LogicalType decimal) {
        return decimal.scale() == null ? 0 : decimal.scale();
    }
}
