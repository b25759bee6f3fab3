package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint over one or more columns, repeatable on the class.
 *
 * <pre>{@code @UniqueTogether(name = "uq_posts_user_title", columns = {"user_id", "title"})}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueTogether.List.class)
public @interface UniqueTogether {

    /** The constraint name; empty means {@code uq_<table>_<columns joined by _>}. */
    String name() default "";

    /** The columns in order: column names, or field names mapped to their columns. */
    String[] columns();

    /** The container that makes {@link UniqueTogether} repeatable; not written by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        UniqueTogether[] value();
    }
}
