package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the field's column part of the primary key. Several fields with {@code @Id} form a composite key, its
 * columns in field declaration order. A key column is always NOT NULL; stating {@link Nullability#NULL} is an error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {
}
