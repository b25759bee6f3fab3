package covet.api.annotation;

/**
 * Whether a column accepts NULL, as {@link Column#nullable()} states it. Java annotations have no null default, so
 * "not said" needs a value of its own: {@link #INFERRED}.
 */
public enum Nullability {

    /**
     * Decided by the field's type: a primitive ({@code int}, {@code boolean}, ...) cannot hold null, so its column is
     * NOT NULL; a boxed or reference type is nullable. {@link Id} columns are always NOT NULL.
     */
    INFERRED,

    /** The column accepts NULL, whatever the Java type. */
    NULL,

    /** The column is NOT NULL, whatever the Java type. */
    NOT_NULL
}
