package covet.engine.models;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.TypeKind;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** A field's column type: the one {@code @Column(type)} states, else the one its Java type implies, plus sizes. */
final class ColumnTypes {

    static final int DEFAULT_VARCHAR_LENGTH = 255;
    static final int DEFAULT_DECIMAL_PRECISION = 19;
    static final int DEFAULT_DECIMAL_SCALE = 2;

    private static final Map<Class<?>, TypeKind> INFERRED = Map.ofEntries(
            Map.entry(int.class, TypeKind.INTEGER), Map.entry(Integer.class, TypeKind.INTEGER),
            Map.entry(long.class, TypeKind.BIGINT), Map.entry(Long.class, TypeKind.BIGINT),
            Map.entry(short.class, TypeKind.SMALLINT), Map.entry(Short.class, TypeKind.SMALLINT),
            Map.entry(byte.class, TypeKind.SMALLINT), Map.entry(Byte.class, TypeKind.SMALLINT),
            Map.entry(boolean.class, TypeKind.BOOLEAN), Map.entry(Boolean.class, TypeKind.BOOLEAN),
            Map.entry(double.class, TypeKind.DOUBLE), Map.entry(Double.class, TypeKind.DOUBLE),
            Map.entry(float.class, TypeKind.FLOAT), Map.entry(Float.class, TypeKind.FLOAT),
            Map.entry(char.class, TypeKind.CHAR), Map.entry(Character.class, TypeKind.CHAR),
            Map.entry(String.class, TypeKind.VARCHAR),
            Map.entry(BigDecimal.class, TypeKind.DECIMAL),
            Map.entry(LocalDate.class, TypeKind.DATE), Map.entry(java.sql.Date.class, TypeKind.DATE),
            Map.entry(LocalTime.class, TypeKind.TIME), Map.entry(java.sql.Time.class, TypeKind.TIME),
            Map.entry(LocalDateTime.class, TypeKind.TIMESTAMP), Map.entry(java.sql.Timestamp.class, TypeKind.TIMESTAMP),
            Map.entry(OffsetDateTime.class, TypeKind.TIMESTAMPTZ), Map.entry(Instant.class, TypeKind.TIMESTAMPTZ),
            Map.entry(ZonedDateTime.class, TypeKind.TIMESTAMPTZ),
            Map.entry(UUID.class, TypeKind.UUID),
            Map.entry(byte[].class, TypeKind.BINARY));

    private ColumnTypes() {
    }

    /**
     * The column type of {@code field}; {@code column} may be null. {@code where} names the field in messages.
     *
     * @throws ModelDefinitionException for an unsupported Java type or sizes that do not fit the type
     */
    static ColumnType of(Field field, covet.api.annotation.Column column, String where) {
        Sizes sizes = Sizes.of(column, where);
        String explicit = column == null ? "" : column.type().strip();
        if (!explicit.isEmpty()) {
            ColumnType stated;
            try {
                stated = ColumnType.parse(explicit);
            } catch (IllegalArgumentException e) {
                throw new ModelDefinitionException(where + ": " + e.getMessage());
            }
            if (stated instanceof NativeType) {
                if (sizes.any()) {
                    throw new ModelDefinitionException(where + ": length, precision and scale do not apply to the"
                            + " native type '" + explicit + "'; write the size inside the type");
                }
                return stated;
            }
            return withSizes((LogicalType) stated, sizes, true, where);
        }
        return withSizes(infer(field, where), sizes, false, where);
    }

    private static LogicalType infer(Field field, String where) {
        Class<?> type = field.getType();
        if (type.isEnum()) {
            return LogicalType.varchar(longestConstant(type));
        }
        TypeKind kind = INFERRED.get(type);
        if (kind == null) {
            throw new ModelDefinitionException(where + ": cannot infer a column type for Java type "
                    + typeName(field) + "; state it with @Column(type = \"...\") (e.g. \"json\" or"
                    + " \"native:text[]\") or mark the field @Transient");
        }
        if (kind == TypeKind.CHAR) {
            return new LogicalType(kind, 1, null, null);
        }
        return LogicalType.of(kind);
    }

    /** Reads the constants' names from the enum's fields: getEnumConstants() would run its static initialiser. */
    private static int longestConstant(Class<?> enumType) {
        return Math.max(1, Arrays.stream(enumType.getDeclaredFields()).filter(Field::isEnumConstant)
                .mapToInt(f -> f.getName().length()).max().orElse(1));
    }

    private static LogicalType withSizes(LogicalType type, Sizes sizes, boolean explicit, String where) {
        TypeKind kind = type.kind();
        Integer length = type.length();
        Integer precision = type.precision();
        Integer scale = type.scale();
        if (sizes.length() > 0) {
            if (!kind.takesLength()) {
                throw new ModelDefinitionException(where + ": length applies to varchar and char columns, not "
                        + kind.spelling());
            }
            if (explicit && length != null) {
                throw new ModelDefinitionException(where + ": type '" + type.spelling()
                        + "' already states a length; drop length = " + sizes.length());
            }
            if (!explicit && length != null && sizes.length() < length) {
                throw new ModelDefinitionException(where + ": length " + sizes.length()
                        + " is shorter than the longest constant of its enum (" + length + " characters)");
            }
            length = sizes.length();
        } else if (!explicit && kind == TypeKind.VARCHAR && length == null) {
            length = DEFAULT_VARCHAR_LENGTH;
        }
        if (sizes.precision() > 0 || sizes.scale() >= 0) {
            if (!kind.takesPrecision()) {
                throw new ModelDefinitionException(where + ": precision and scale apply to decimal columns, not "
                        + kind.spelling());
            }
            if (explicit && precision != null) {
                throw new ModelDefinitionException(where + ": type '" + type.spelling()
                        + "' already states its precision; drop precision and scale from @Column");
            }
        }
        if (kind.takesPrecision()) {
            if (sizes.precision() > 0) {
                precision = sizes.precision();
            } else if (!explicit) {
                precision = DEFAULT_DECIMAL_PRECISION;
            }
            if (sizes.scale() >= 0) {
                scale = sizes.scale();
            } else if (!explicit) {
                scale = DEFAULT_DECIMAL_SCALE;
            }
            if (precision == null && scale != null) {
                throw new ModelDefinitionException(where + ": a scale needs a precision");
            }
        }
        try {
            return new LogicalType(kind, length, precision, scale);
        } catch (IllegalArgumentException e) {
            throw new ModelDefinitionException(where + ": " + e.getMessage());
        }
    }

    private static String typeName(Field field) {
        try {
            return field.getGenericType().getTypeName();
        } catch (RuntimeException | LinkageError e) {
            return field.getType().getName();
        }
    }

    /** The size elements of {@code @Column}, with "unset" as 0 (length, precision) and -1 (scale). */
    private record Sizes(int length, int precision, int scale) {

        static Sizes of(covet.api.annotation.Column column, String where) {
            if (column == null) {
                return new Sizes(0, 0, -1);
            }
            if (column.length() < 0 || column.precision() < 0 || column.scale() < -1) {
                throw new ModelDefinitionException(where + ": length, precision and scale cannot be negative");
            }
            return new Sizes(column.length(), column.precision(), column.scale());
        }

        boolean any() {
            return length > 0 || precision > 0 || scale >= 0;
        }
    }
}
