package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes the column a field maps to. Optional: a field without it is still a column, with every attribute
 * inferred. On a record, put it on the record component.
 *
 * <p>Every element has an "unset" default ({@code ""}, {@code 0}, {@code -1}, {@link Nullability#INFERRED}) because
 * annotations cannot default to null; an explicit value always wins over the inferred one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /** The column name; empty means the snake_case form of the field name ({@code createdAt} is {@code created_at}). */
    String name() default "";

    /**
     * The column type in the migration files' text form: {@code varchar(100)}, {@code text}, {@code decimal(12,2)},
     * {@code json}, or a database's own type as {@code native:TYPE} (e.g. {@code native:text[]}). Empty means
     * inferred from the field's Java type. A type without size ({@code varchar}, {@code decimal}) takes
     * {@link #length()}, {@link #precision()} and {@link #scale()}. With an explicit type, the field may be of any
     * Java type.
     */
    String type() default "";

    /** The length of a varchar or char column; 0 means inferred (255 for a String). */
    int length() default 0;

    /** The precision of a decimal column; 0 means inferred (19 for a BigDecimal). */
    int precision() default 0;

    /** The scale of a decimal column; -1 means inferred (2 for a BigDecimal). */
    int scale() default -1;

    /** Whether the column accepts NULL; {@link Nullability#INFERRED} decides from the Java type. */
    Nullability nullable() default Nullability.INFERRED;

    /**
     * Whether the column alone is unique. Covet declares it as a unique constraint named
     * {@code uq_<table>_<column>}; for another name, use {@link UniqueTogether} with one column.
     */
    boolean unique() default false;

    /**
     * The default value as an SQL expression, written as the database takes it: {@code 0}, {@code 'draft'} (quotes
     * included), {@code CURRENT_TIMESTAMP}. Empty means no default.
     */
    String defaultValue() default "";

    /** The column's comment; empty means none. */
    String comment() default "";
}
