package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary index of the table, repeatable on the class.
 *
 * <pre>{@code
 * @Index(name = "ix_posts_title", columns = "title")
 * @Index(columns = {"user_id", "created_at desc"})
 * @Index(columns = "email", unique = true, where = "deleted_at IS NULL")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {

    /** The index name; empty means {@code ix_<table>_<columns>} ({@code ux_...} for a unique index). */
    String name() default "";

    /**
     * The key parts in order. Each is a column name (a field name is accepted too and mapped to its column),
     * optionally followed by {@code asc} or {@code desc}; a part containing a parenthesis is an SQL expression
     * ({@code lower(email)}).
     */
    String[] columns();

    /** Whether the index is unique. */
    boolean unique() default false;

    /** A partial index's predicate (an SQL expression without WHERE); empty means the index covers every row. */
    String where() default "";

    /** The container that makes {@link Index} repeatable; not written by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Index[] value();
    }
}
