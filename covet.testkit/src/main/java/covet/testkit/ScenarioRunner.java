package covet.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import covet.api.model.MaterializedView;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import covet.api.operation.Operation;
import covet.api.spi.Dialect;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one {@link OperationScenario}: refusals checked where the dialect does not run it, object templates replaced
 * by the database's own rendering, then setup, forward and backward, each followed by a comparison of the live
 * schema with the dialect's normalisation of the model.
 */
final class ScenarioRunner {
    private final Dialect dialect;
    private final ConformanceSession session;
    /** Template key to the object as the database renders it, for one scenario. */
    private final Map<String, SchemaObject> canonical = new HashMap<>();

    ScenarioRunner(Dialect dialect, ConformanceSession session) {
        this.dialect = dialect;
        this.session = session;
    }

    void run(OperationScenario scenario) {
        Schema modelled = Schema.EMPTY;
        for (Operation op : scenario.setup()) {
            modelled = op.applyTo(modelled);
        }
        Operation op = scenario.operation();
        if (!scenario.requires().test(dialect)) {
            String kind = objectKind(op);
            if (scenario.refusal() == OperationScenario.Refusal.REQUIRED && kind != null
                    && !dialect.managedObjects().contains(ObjectKind.fromSpelling(kind))) {
                String refused = refusal(op, modelled);
                if (refused == null) {
                    fail(dialect.name() + ": managedObjects() leaves out " + kind + ", yet " + op.kind() + " ("
                            + op.describe() + ") rendered: " + render(op, modelled)
                            + "; a dialect refuses what it does not manage, naming it");
                }
                Assumptions.abort(dialect.name() + " does not manage " + kind + " and refuses it as it must: "
                        + refused);
            }
            Assumptions.abort(dialect.name() + " does not declare " + scenario.requirement() + ": scenario skipped");
        }
        if (scenario.refusal() == OperationScenario.Refusal.ALLOWED) {
            String refused = refusal(op, modelled);
            if (refused != null) {
                Assumptions.abort(dialect.name() + " refuses " + op.kind() + ", as it may: " + refused);
            }
        }
        canonical.clear();
        session.dropEverything();
        Schema model = Schema.EMPTY;
        for (Operation step : scenario.setup()) {
            Operation real = resolve(step, model);
            List<String> sql = session.apply(real, "setup");
            model = real.applyTo(model);
            expectLive(model, real, "setup", sql);
        }
        Operation real = resolve(op, model);
        List<String> forward = session.apply(real, "forward");
        Schema after = scenario.expectedAfter(model, real);
        expectLive(after, real, "forward", forward);

        Operation back = real.reverse().orElseThrow(() -> new AssertionError(real.kind() + " has no reverse"));
        String phase = "backward (" + real.kind() + " reversed)";
        List<String> backward = session.apply(back, phase);
        // the reverse's own state change: a column dropped and added back comes last, as databases add it
        Schema restored = scenario.expected() != null ? model : back.applyTo(after);
        expectLive(restored, back, phase, backward);
    }

    /** Fails unless the database holds {@code normalize(model)}, objects compared by key without dependsOn. */
    void expectLive(Schema model, Operation op, String phase, List<String> sql) {
        Schema expected = comparable(dialect.normalize(model));
        Schema actual = comparable(session.introspect());
        String mismatch = SchemaMismatch.describe(expected, actual, dialect::normalize);
        if (mismatch != null) {
            fail(dialect.name() + ": " + phase + ": after " + op.kind() + " (" + op.describe()
                    + ") the database does not hold normalize(model)\n  SQL:\n" + ConformanceSession.indent(sql)
                    + mismatch);
        }
    }

    /** dependsOn orders creates and is never compared; objects in key order, whatever order each side keeps. */
    static Schema comparable(Schema s) {
        return s.withObjects(s.objects().stream().map(o -> (SchemaObject) o.withDependsOn(List.of()))
                .sorted(Comparator.comparing(SchemaObject::key)).toList());
    }

    /**
     * The refusal message when rendering {@code op} fails as a refusal must (starting with the dialect's name,
     * naming the object if any, saying "not supported"); null when it renders. Any other failure fails the test.
     */
    private String refusal(Operation op, Schema current) {
        try {
            dialect.render(op, () -> current);
            return null;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String object = objectName(op);
            if (!message.startsWith(dialect.name() + ":") || !message.contains("not supported")
                    || (object != null && !message.contains(object))) {
                fail(dialect.name() + ": " + op.kind() + " (" + op.describe() + ") is refused, but the message must"
                        + " start with '" + dialect.name() + ":'" + (object == null ? "" : ", name " + object)
                        + " and say it is not supported; it is: " + message, e);
            }
            return message;
        }
    }

    private String render(Operation op, Schema current) {
        return String.join("; ", dialect.render(op, () -> current));
    }

    /** The operation with each object template replaced by the object as the database renders it. */
    private Operation resolve(Operation op, Schema model) {
        if (op instanceof CreateObject create && isTemplate(create.object())) {
            SchemaObject real = capture(create.object());
            return new CreateObject(real);
        }
        if (op instanceof DropObject drop && isTemplate(drop.object())) {
            return new DropObject(known(drop.object(), model));
        }
        if (op instanceof AlterObject alter && isTemplate(alter.object())) {
            SchemaObject previous = known(alter.previous(), model);
            // the changed object is captured where the previous one stands, which is out of the way meanwhile
            session.apply(new DropObject(previous), "capturing " + alter.object().describe());
            SchemaObject real = capture(alter.object());
            session.apply(new CreateObject(previous), "capturing " + alter.object().describe());
            return new AlterObject(real, previous);
        }
        return op;
    }

    private SchemaObject known(SchemaObject template, Schema model) {
        SchemaObject real = canonical.get(template.key());
        return real != null ? real : model.object(template.key()).orElseThrow(() -> new AssertionError(
                "the scenario names " + template.describe() + ", which its setup did not create"));
    }

    /** Creates {@code template} through the dialect, reads it back, drops it: the database's own rendering. */
    private SchemaObject capture(SchemaObject template) {
        Set<String> before = session.introspect().objects().stream().map(SchemaObject::key)
                .collect(Collectors.toSet());
        String phase = "capturing " + template.describe() + " as the database renders it";
        session.apply(new CreateObject(template), phase);
        List<SchemaObject> made = session.introspect().objects().stream()
                .filter(o -> o.kind() == template.kind() && !before.contains(o.key())).toList();
        if (made.size() != 1) {
            fail(dialect.name() + ": " + phase + ": the introspector reads " + made.size() + " new "
                    + template.kind().words() + " objects after creating " + template.describe() + ": " + made);
        }
        SchemaObject real = made.get(0);
        session.apply(new DropObject(real), phase);
        canonical.put(template.key(), real);
        return real;
    }

    private static boolean isTemplate(SchemaObject o) {
        return o instanceof View || o instanceof MaterializedView || o instanceof Routine || o instanceof Trigger;
    }

    private static String objectKind(Operation op) {
        SchemaObject o = object(op);
        return o == null ? null : o.kind().spelling();
    }

    private static String objectName(Operation op) {
        SchemaObject o = object(op);
        return o == null ? null : o.name();
    }

    private static SchemaObject object(Operation op) {
        if (op instanceof CreateObject c) {
            return c.object();
        }
        if (op instanceof DropObject d) {
            return d.object();
        }
        return op instanceof AlterObject a ? a.object() : null;
    }
}
