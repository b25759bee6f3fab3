package covet.api;

/** Thrown before anything is executed when a rollback meets an operation that cannot be reversed. */
public class IrreversibleOperationException extends CovetException {
    public IrreversibleOperationException(String message) {
        super(message);
    }
}
