package covet.engine.lint;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a column type change can lose values. Only a change Covet knows to be widening (smallint to integer,
 * varchar(50) to varchar(100), anything to text, ...) passes; every other change between logical types narrows.
 */
final class TypeNarrowing {
    private static final Set<TypeKind> INTEGERS = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
    private static final Set<TypeKind> STRINGS = EnumSet.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT);

    private TypeNarrowing() {
    }

    /** Why {@code from} to {@code to} can lose values, or empty when it cannot. Both are logical types. */
    static Optional<String> why(LogicalType from, LogicalType to) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        TypeKind a = from.kind();
        TypeKind b = to.kind();
        if (STRINGS.contains(b)) {
            Integer room = to.length();
            int needed = textWidth(from);
            if (room == null || b == TypeKind.TEXT || (needed > 0 && room >= needed)) {
                return Optional.empty();
            }
            return Optional.of(needed > 0 ? "values of " + from + " need up to " + needed + " characters, "
                    + to + " holds " + room : "values longer than " + room + " characters no longer fit");
        }
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return maxDigits(b) >= maxDigits(a) ? Optional.empty()
                    : Optional.of(to + " holds smaller numbers than " + from);
        }
        if (INTEGERS.contains(a) && b == TypeKind.DECIMAL) {
            return to.precision() == null || integerDigits(to) >= maxDigits(a) ? Optional.empty()
                    : Optional.of(to + " keeps " + integerDigits(to) + " digits before the point, " + from
                    + " needs " + maxDigits(a));
        }
        if (a == TypeKind.DECIMAL && b == TypeKind.DECIMAL) {
            if (to.precision() == null) {
                return Optional.empty();
            }
            if (from.precision() == null) {
                return Optional.of("an unbounded decimal becomes " + to);
            }
            if (scale(to) < scale(from)) {
                return Optional.of(to + " keeps fewer decimal places than " + from);
            }
            return integerDigits(to) >= integerDigits(from) ? Optional.empty()
                    : Optional.of(to + " keeps fewer digits before the point than " + from);
        }
        if (a == TypeKind.DECIMAL && INTEGERS.contains(b)) {
            return from.precision() != null && scale(from) == 0 && integerDigits(from) <= fullDigits(b)
                    ? Optional.empty() : Optional.of("the fraction or the magnitude of " + from + " is lost in " + to);
        }
        if (b == TypeKind.DOUBLE && (a == TypeKind.FLOAT || a == TypeKind.SMALLINT || a == TypeKind.INTEGER)) {
            return Optional.empty();
        }
        if (b == TypeKind.FLOAT && a == TypeKind.SMALLINT) {
            return Optional.empty();
        }
        if (a == TypeKind.DATE && (b == TypeKind.TIMESTAMP || b == TypeKind.TIMESTAMPTZ)) {
            return Optional.empty();
        }
        if (a == TypeKind.TIMESTAMP && b == TypeKind.TIMESTAMPTZ) {
            return Optional.empty();
        }
        if (a == TypeKind.BOOLEAN && INTEGERS.contains(b)) {
            return Optional.empty();
        }
        return Optional.of("values of " + from + " do not all convert to " + to + " without loss");
    }

    /** True when the two types differ in a way a conversion has to handle (not only in spelling case). */
    static boolean changes(ColumnType from, ColumnType to) {
        return !from.spelling().equalsIgnoreCase(to.spelling());
    }

    /** How many characters the longest value of {@code type} takes as text; 0 when unbounded or unknown. */
    private static int textWidth(LogicalType type) {
        switch (type.kind()) {
            case CHAR:
            case VARCHAR:
                return type.length() == null ? 0 : type.length();
            case SMALLINT:
                return 6;
            case INTEGER:
                return 11;
            case BIGINT:
                return 20;
            case DECIMAL:
                return type.precision() == null ? 0 : type.precision() + 2;
            case BOOLEAN:
                return 5;
            case DATE:
                return 10;
            case UUID:
                return 36;
            default:
                return 0;
        }
    }

    /** Decimal digits an integer type holds in full (every 4-digit number fits a smallint). */
    private static int fullDigits(TypeKind kind) {
        return maxDigits(kind) - 1;
    }

    /** Decimal digits of an integer type's largest value (32767 has 5). */
    private static int maxDigits(TypeKind kind) {
        switch (kind) {
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            default:
                return 19;
        }
    }

    private static int integerDigits(LogicalType decimal) {
        return decimal.precision() - scale(decimal);
    }

    private static int scale(LogicalType decimal) {
        return decimal.scale() == null ? 0 : decimal.scale();
    }
}
