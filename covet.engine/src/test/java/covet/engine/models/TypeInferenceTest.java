package covet.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.annotation.Column;
import covet.api.annotation.Nullability;
import covet.api.annotation.Table;
import covet.api.model.NativeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Java types to column types and nullability, and the {@code @Column} elements that override them. */
class TypeInferenceTest {

    enum Status { DRAFT, PUBLISHED, ARCHIVED_FOREVER }

    enum Empty { }

    @Table
    static class Everything {
        int primitiveInt;
        Integer boxedInt;
        long primitiveLong;
        Long boxedLong;
        short primitiveShort;
        Short boxedShort;
        byte primitiveByte;
        boolean primitiveBoolean;
        Boolean boxedBoolean;
        double primitiveDouble;
        Double boxedDouble;
        float primitiveFloat;
        Float boxedFloat;
        char primitiveChar;
        String string;
        BigDecimal amount;
        LocalDate day;
        LocalTime clock;
        LocalDateTime moment;
        OffsetDateTime offsetMoment;
        Instant instant;
        ZonedDateTime zoned;
        UUID uuid;
        byte[] bytes;
        Status status;
        Empty empty;
        java.sql.Timestamp sqlTimestamp;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
    }

    private static Map<String, covet.api.model.Column> columns(Class<?> model) {
        return ModelSchemaSource.fromClasses(List.of(model)).tables().get(0).columns().stream()
                .collect(Collectors.toMap(covet.api.model.Column::name, c -> c));
    }

    @Test
    void infersTypesFromJavaTypes() {
        Map<String, covet.api.model.Column> c = columns(Everything.class);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("primitive_int", "integer"), Map.entry("boxed_int", "integer"),
                Map.entry("primitive_long", "bigint"), Map.entry("boxed_long", "bigint"),
                Map.entry("primitive_short", "smallint"), Map.entry("boxed_short", "smallint"),
                Map.entry("primitive_byte", "smallint"),
                Map.entry("primitive_boolean", "boolean"), Map.entry("boxed_boolean", "boolean"),
                Map.entry("primitive_double", "double"), Map.entry("boxed_double", "double"),
                Map.entry("primitive_float", "float"), Map.entry("boxed_float", "float"),
                Map.entry("primitive_char", "char(1)"),
                Map.entry("string", "varchar(255)"), Map.entry("amount", "decimal(19,2)"),
                Map.entry("day", "date"), Map.entry("clock", "time"), Map.entry("moment", "timestamp"),
                Map.entry("offset_moment", "timestamptz"), Map.entry("instant", "timestamptz"),
                Map.entry("zoned", "timestamptz"), Map.entry("uuid", "uuid"), Map.entry("bytes", "binary"),
                Map.entry("status", "varchar(16)"), Map.entry("empty", "varchar(1)"),
                Map.entry("sql_timestamp", "timestamp"), Map.entry("sql_date", "date"),
                Map.entry("sql_time", "time"));
        assertEquals(expected.keySet(), c.keySet());
        expected.forEach((name, type) -> assertEquals(type, c.get(name).type().spelling(), name));
    }

    @Test
    void primitivesAreNotNullAndReferencesNullable() {
        Map<String, covet.api.model.Column> c = columns(Everything.class);
        for (String notNull : List.of("primitive_int", "primitive_long", "primitive_short", "primitive_byte",
                "primitive_boolean", "primitive_double", "primitive_float", "primitive_char")) {
            assertFalse(c.get(notNull).nullable(), notNull);
        }
        for (String nullable : List.of("boxed_int", "boxed_long", "string", "amount", "moment", "uuid", "bytes",
                "status")) {
            assertTrue(c.get(nullable).nullable(), nullable);
        }
        assertTrue(c.values().stream().noneMatch(col -> col.autoIncrement() || col.defaultValue() != null
                || col.comment() != null), "nothing beyond the type is invented");
    }

    @Table
    static class Explicit {
        @Column(length = 40)
        String shortName;
        @Column(type = "text")
        String body;
        @Column(type = "varchar", length = 12)
        String code;
        @Column(type = "char(2)")
        String country;
        @Column(precision = 10, scale = 4)
        BigDecimal rate;
        @Column(precision = 8)
        BigDecimal price;
        @Column(scale = 0)
        BigDecimal whole;
        @Column(type = "decimal", precision = 6, scale = 1)
        Double weight;
        @Column(type = "json")
        Map<String, Object> settings;
        @Column(type = "native:text[]")
        List<String> tags;
        @Column(length = 30)
        Status status;
        @Column(nullable = Nullability.NULL)
        int maybeCount;
        @Column(nullable = Nullability.NOT_NULL)
        String required;
        @Column(name = "e_mail", defaultValue = "'nobody@example.org'", comment = "where we write")
        String email;
    }

    @Test
    void explicitColumnElementsWin() {
        Map<String, covet.api.model.Column> c = columns(Explicit.class);
        assertEquals("varchar(40)", c.get("short_name").type().spelling());
        assertEquals("text", c.get("body").type().spelling());
        assertEquals("varchar(12)", c.get("code").type().spelling());
        assertEquals("char(2)", c.get("country").type().spelling());
        assertEquals("decimal(10,4)", c.get("rate").type().spelling());
        assertEquals("decimal(8,2)", c.get("price").type().spelling());
        assertEquals("decimal(19,0)", c.get("whole").type().spelling());
        assertEquals("decimal(6,1)", c.get("weight").type().spelling());
        assertEquals("json", c.get("settings").type().spelling());
        assertEquals(new NativeType("text[]"), c.get("tags").type());
        assertEquals("varchar(30)", c.get("status").type().spelling());
        assertTrue(c.get("maybe_count").nullable(), "explicit NULL wins over a primitive");
        assertFalse(c.get("required").nullable(), "explicit NOT NULL wins over a reference type");
        covet.api.model.Column email = c.get("e_mail");
        assertEquals("'nobody@example.org'", email.defaultValue());
        assertEquals("where we write", email.comment());
        assertFalse(c.containsKey("email"), "@Column(name) replaces the derived name");
    }

    @Table
    static class Unsupported {
        int id;
        List<String> tags;
    }

    @Table
    static class LengthOnInteger {
        @Column(length = 5)
        int count;
    }

    @Table
    static class PrecisionOnString {
        @Column(precision = 5)
        String name;
    }

    @Table
    static class LengthTwice {
        @Column(type = "varchar(100)", length = 50)
        String name;
    }

    @Table
    static class BadTypeText {
        @Column(type = "varchr(10)")
        String name;
    }

    @Table
    static class EnumTooShort {
        @Column(length = 3)
        Status status;
    }

    @Table
    static class ScaleAbovePrecision {
        @Column(precision = 4, scale = 6)
        BigDecimal amount;
    }

    @Table
    static class SizeOnNative {
        @Column(type = "native:citext", length = 10)
        String name;
    }

    private static void assertFails(Class<?> model, String field, String... words) {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> ModelSchemaSource.fromClasses(List.of(model)));
        assertTrue(e.getMessage().startsWith(model.getName() + "." + field + ": "),
                "the message names class and field: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    @Test
    void unsupportedTypesAndMisfitSizesAreErrorsNamingClassAndField() {
        assertFails(Unsupported.class, "tags", "java.util.List<java.lang.String>", "@Column(type", "@Transient");
        assertFails(LengthOnInteger.class, "count", "length", "integer");
        assertFails(PrecisionOnString.class, "name", "precision", "varchar");
        assertFails(LengthTwice.class, "name", "varchar(100)", "already");
        assertFails(BadTypeText.class, "name", "varchr(10)");
        assertFails(EnumTooShort.class, "status", "shorter", "16");
        assertFails(ScaleAbovePrecision.class, "amount", "scale");
        assertFails(SizeOnNative.class, "name", "native");
    }
}
