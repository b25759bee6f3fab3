package covet.engine.graph;

import covet.api.CovetException;

/** A migration depends on an id that no migration has. */
public class MissingDependencyException extends CovetException {
    public MissingDependencyException(String message) {
        super(message);
    }
}
