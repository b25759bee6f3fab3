package covet.api.model;

import covet.api.Preconditions;

/**
 * A portable type. {@code length} applies to char/varchar, {@code precision} and {@code scale} to decimal; the
 * others take none.
 */
public record LogicalType(TypeKind kind, Integer length, Integer precision, Integer scale) implements ColumnType {

    public LogicalType {
        Preconditions.notNull(kind, "type kind");
        if (length != null) {
            Preconditions.check(kind.takesLength(), kind.spelling() + " takes no length");
            Preconditions.check(length > 0, kind.spelling() + " length must be positive");
        }
        if (precision != null || scale != null) {
            Preconditions.check(kind.takesPrecision(), kind.spelling() + " takes no precision or scale");
            Preconditions.check(precision != null && precision > 0, "decimal precision must be positive");
            Preconditions.check(scale == null || (scale >= 0 && scale <= precision),
                    "decimal scale must lie between 0 and the precision");
        }
    }

    public static LogicalType of(TypeKind kind) {
        return new LogicalType(kind, null, null, null);
    }

    public static LogicalType varchar(int length) {
        return new LogicalType(TypeKind.VARCHAR, length, null, null);
    }

    public static LogicalType decimal(int precision, int scale) {
        return new LogicalType(TypeKind.DECIMAL, null, precision, scale);
    }

    @Override
    public String spelling() {
        if (length != null) {
            return kind.spelling() + "(" + length + ")";
        }
        if (precision != null) {
            return kind.spelling() + "(" + precision + (scale != null ? "," + scale : "") + ")";
        }
        return kind.spelling();
    }

    @Override
    public String toString() {
        return spelling();
    }
}
