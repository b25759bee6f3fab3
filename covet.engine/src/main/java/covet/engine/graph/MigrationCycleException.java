package covet.engine.graph;

import covet.api.CovetException;

/** The dependencies of some migrations form a cycle; the message names them in cycle order. */
public class MigrationCycleException extends CovetException {
    public MigrationCycleException(String message) {
        super(message);
    }
}
