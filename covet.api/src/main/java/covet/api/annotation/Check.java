package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint of the table, repeatable on the class.
 *
 * <pre>{@code @Check(name = "ck_posts_title_not_empty", expression = "length(title) > 0")}</pre>
 *
 * <p>The name is required: a generated one would change whenever checks are reordered, and a renamed constraint
 * is a change in the next migration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {

    /** The constraint name. */
    String name();

    /** The predicate, an SQL expression without CHECK and its parentheses: {@code price >= 0}. */
    String expression();

    /** The container that makes {@link Check} repeatable; not written by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Check[] value();
    }
}
