package covet.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database generates the column's value (SERIAL / IDENTITY, AUTO_INCREMENT, SQLite's AUTOINCREMENT). Allowed on
 * integer columns ({@code smallint}, {@code integer}, {@code bigint}) only, and usually placed beside {@link Id}.
 * It is a separate annotation, not an element of {@code @Id}, so that {@code @Id} keeps one meaning.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AutoIncrement {
}
