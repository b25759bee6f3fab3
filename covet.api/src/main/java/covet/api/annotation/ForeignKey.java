package covet.api.annotation;

import covet.api.model.ReferentialAction;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the field's column reference a column of another table (single-column foreign keys).
 *
 * <pre>{@code
 * @ForeignKey(table = "users", onDelete = ReferentialAction.CASCADE)
 * int userId;   // user_id REFERENCES users (id) ON DELETE CASCADE, named fk_posts_user_id
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

    /** The referenced table's name (its SQL name, not a class name). */
    String table();

    /** The referenced column's name. */
    String column() default "id";

    /** The constraint name; empty means {@code fk_<table>_<column>}, from this table and this column. */
    String name() default "";

    /** What the database does to this row when the referenced row is deleted. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** What the database does to this row when the referenced key changes. */
    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
