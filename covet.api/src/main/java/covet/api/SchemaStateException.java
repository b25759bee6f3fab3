package covet.api;

/** An operation does not fit the schema it is applied to (a missing table, a duplicate column, ...). */
public class SchemaStateException extends CovetException {
    public SchemaStateException(String message) {
        super(message);
    }
}
