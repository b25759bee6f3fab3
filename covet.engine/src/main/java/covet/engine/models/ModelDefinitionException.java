package covet.engine.models;

import covet.api.CovetException;

/**
 * A model class cannot become a table: an unsupported field type, contradictory annotations, a name used twice, a
 * class that fails to load. The message names the class and, where one is at fault, the field.
 */
public class ModelDefinitionException extends CovetException {

    public ModelDefinitionException(String message) {
        super(message);
    }

    public ModelDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
