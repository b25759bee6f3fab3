package covet.testkit;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One operation to run forward and backward on a database prepared by {@code setup}.
 *
 * @param name        the scenario's display name
 * @param setup       operations that build the starting schema (each checked too)
 * @param operation   the operation under test; its reverse is run afterwards
 * @param requires    the capability the scenario needs; without it the scenario is skipped, not failed
 * @param requirement what {@code requires} checks, for the skip message
 * @param expected    the schema after the operation, from the one before; null means {@link Operation#applyTo}
 *                    (RunSQL changes what the model cannot see)
 */
public record OperationScenario(String name, List<Operation> setup, Operation operation,
                               Predicate<Capabilities> requires, String requirement,
                               UnaryOperator<Schema> expected) {

    public OperationScenario {
        setup = List.copyOf(setup);
    }

    static OperationScenario of(String name, List<Operation> setup, Operation operation) {
        return new OperationScenario(name, setup, operation, c -> true, null, null);
    }

    OperationScenario requiring(Predicate<Capabilities> capability, String what) {
        return new OperationScenario(name, setup, operation, capability, what, expected);
    }

    OperationScenario expecting(UnaryOperator<Schema> after) {
        return new OperationScenario(name, setup, operation, requires, requirement, after);
    }

    Schema expectedAfter(Schema before) {
        return expected != null ? expected.apply(before) : operation.applyTo(before);
    }
}
