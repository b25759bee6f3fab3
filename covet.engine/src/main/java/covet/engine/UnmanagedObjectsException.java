package covet.engine;

import covet.api.CovetException;
import java.util.List;

/**
 * {@code makemigrations --strict} refuses a wanted schema that holds what Covet would leave out of the migration
 * (objects of kinds the dialect does not manage, or that its introspector lists as unmanaged).
 */
public class UnmanagedObjectsException extends CovetException {
    private final List<String> unmanaged;

    public UnmanagedObjectsException(List<String> unmanaged) {
        super("the wanted schema holds " + unmanaged.size() + " object" + (unmanaged.size() == 1 ? "" : "s")
                + " Covet does not manage (" + String.join("; ", unmanaged) + "): with --strict nothing is written."
                + " Leave out --strict to write the migration without them, or manage them with RunSQL");
        this.unmanaged = List.copyOf(unmanaged);
    }

    public List<String> unmanaged() {
        return unmanaged;
    }
}
