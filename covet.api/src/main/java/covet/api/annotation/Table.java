package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a table of the desired schema. Only classes carrying this annotation become tables; the rest of
 * a folder or jar is ignored.
 *
 * <p>The table name defaults to the snake_case form of the class's simple name ({@code BlogPost} becomes
 * {@code blog_post}). Covet does not pluralise: guessing English plurals is magic that fails on the first irregular
 * noun, so a plural table name is written out: {@code @Table(name = "posts")}.
 *
 * <p>The columns are the class's non-static, non-synthetic fields not marked {@link Transient}, in declaration order,
 * preceded by those of its superclasses (outermost first).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name; empty means the snake_case form of the class's simple name. */
    String name() default "";

    /** The table's comment; empty means none. */
    String comment() default "";

    /** The primary key constraint's name; empty lets the database choose it. */
    String primaryKeyName() default "";
}
