package covet.testkit;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One operation to run forward and backward on a database prepared by {@code setup}.
 *
 * <p>Views, materialized views, routines and triggers in {@code setup} and {@code operation} are templates: their
 * bodies are typed SQL, and the kit replaces each by the object as the database renders it (created through the
 * dialect, read back by its introspector, dropped again) before the scenario runs, since a schema only ever holds
 * bodies in the database's own rendering.
 *
 * @param name        the scenario's display name
 * @param setup       operations that build the starting schema (each checked too)
 * @param operation   the operation under test; its reverse is run afterwards
 * @param requires    what the dialect must declare for the scenario to run; otherwise it is skipped, not failed
 * @param requirement what {@code requires} checks, for the skip message
 * @param expected    the schema after the operation, from the one before; null means {@link Operation#applyTo}
 *                    (RunSQL changes what the model cannot see)
 * @param refusal     what a dialect that cannot run the operation must do instead
 */
public record OperationScenario(String name, List<Operation> setup, Operation operation,
                               Predicate<Dialect> requires, String requirement,
                               UnaryOperator<Schema> expected, Refusal refusal) {

    /** What a dialect that does not run a scenario's operation must do instead. */
    public enum Refusal {
        /** Nothing: the scenario is skipped when {@code requires} says so. */
        NONE,
        /**
         * When {@code requires} fails (the dialect does not manage the object's kind), rendering the operation must
         * fail with a message that starts with the dialect's name, names the object and says it is not supported;
         * the scenario is then skipped.
         */
        REQUIRED,
        /**
         * The dialect may refuse the operation (a feature some databases lack, such as exclusion constraints) with
         * a message that starts with its name and says it is not supported: the scenario is then skipped. Any other
         * rendering failure fails it.
         */
        ALLOWED
    }

    public OperationScenario {
        setup = List.copyOf(setup);
        refusal = refusal == null ? Refusal.NONE : refusal;
    }

    static OperationScenario of(String name, List<Operation> setup, Operation operation) {
        return new OperationScenario(name, setup, operation, d -> true, null, null, Refusal.NONE);
    }

    OperationScenario requiring(Predicate<Capabilities> capability, String what) {
        return new OperationScenario(name, setup, operation, d -> capability.test(d.capabilities()), what, expected,
                refusal);
    }

    OperationScenario requiringDialect(Predicate<Dialect> condition, String what, Refusal otherwise) {
        return new OperationScenario(name, setup, operation, condition, what, expected, otherwise);
    }

    OperationScenario expecting(UnaryOperator<Schema> after) {
        return new OperationScenario(name, setup, operation, requires, requirement, after, refusal);
    }

    /** The schema after {@code op} (the operation as run, its templates replaced), from the one before. */
    Schema expectedAfter(Schema before, Operation op) {
        return expected != null ? expected.apply(before) : op.applyTo(before);
    }
}
