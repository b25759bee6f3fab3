package covet.testkit;

import static covet.testkit.ConformanceFixtures.author;

import covet.api.model.EnumType;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropObject;
import covet.api.operation.Operation;
import covet.testkit.OperationScenario.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Named objects created, altered and dropped: an enum, a sequence, a view over {@code author}, a function and a
 * trigger. Each runs where {@link covet.api.spi.Dialect#managedObjects()} lists the kinds it needs; a dialect that
 * does not manage the kind must refuse it by name. Bodies are PostgreSQL's syntax, kept simple; views, functions and
 * triggers are templates the kit replaces by the database's own rendering (see {@link OperationScenario}).
 */
final class ObjectScenarios {
    private ObjectScenarios() {
    }

    static final EnumType MOOD = EnumType.of("kit_mood", "sad", "ok");
    static final Sequence TICKETS = Sequence.of("kit_ticket_seq");
    static final View NAMES = new View("kit_author_names", "SELECT name FROM author", null, null);
    static final Routine ADD_ONE = function("kit_add_one(integer)",
            "CREATE OR REPLACE FUNCTION kit_add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                    + " AS $$SELECT i + 1$$");
    static final Routine TOUCH = function("kit_touch()",
            "CREATE OR REPLACE FUNCTION kit_touch() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $$BEGIN NEW.rating := NEW.rating + 1; RETURN NEW; END$$");
    static final Trigger TOUCHED = new Trigger("author", "kit_author_touch",
            "CREATE TRIGGER kit_author_touch BEFORE UPDATE ON author FOR EACH ROW EXECUTE FUNCTION kit_touch()",
            null, null);

    static List<OperationScenario> all() {
        Operation author = new CreateTable(author());
        List<OperationScenario> s = new ArrayList<>();
        s.addAll(createAndDrop("enum", List.of(), MOOD, ObjectKind.ENUM));
        s.add(scenario("AlterObject enum: a value added (its reverse re-creates the type)",
                List.of(new CreateObject(MOOD)),
                new AlterObject(EnumType.of("kit_mood", "sad", "ok", "happy"), MOOD), ObjectKind.ENUM));
        s.add(scenario("AlterObject enum: comment set", List.of(new CreateObject(MOOD)),
                new AlterObject(MOOD.withComment("how it went"), MOOD), ObjectKind.ENUM));

        s.addAll(createAndDrop("sequence", List.of(), TICKETS, ObjectKind.SEQUENCE));
        Sequence byFive = new Sequence(TICKETS.name(), null, 100L, 5L, null, null, null, false, null, null, null);
        s.add(scenario("AlterObject sequence: start and increment", List.of(new CreateObject(TICKETS)),
                new AlterObject(byFive, TICKETS), ObjectKind.SEQUENCE));

        s.addAll(createAndDrop("view", List.of(author), NAMES, ObjectKind.VIEW));
        s.add(scenario("AlterObject view: query replaced", List.of(author, new CreateObject(NAMES)),
                new AlterObject(new View(NAMES.name(), "SELECT name FROM author WHERE rating > 0", null, null),
                        NAMES), ObjectKind.VIEW));
        s.add(scenario("AlterObject view: a column added (its reverse drops one)",
                List.of(author, new CreateObject(NAMES)),
                new AlterObject(new View(NAMES.name(), "SELECT name, rating FROM author", null, null), NAMES),
                ObjectKind.VIEW));

        s.addAll(mysqlRoutines(author));
        s.addAll(createAndDrop("function", List.of(), ADD_ONE, ObjectKind.FUNCTION));
        s.add(scenario("AlterObject function: body replaced", List.of(new CreateObject(ADD_ONE)),
                new AlterObject(function(ADD_ONE.name(), ADD_ONE.definition().replace("i + 1", "i + 2")), ADD_ONE),
                ObjectKind.FUNCTION));

        List<Operation> table = List.of(author, new CreateObject(TOUCH));
        s.addAll(createAndDrop("trigger", table, TOUCHED, ObjectKind.TRIGGER, ObjectKind.FUNCTION));
        s.add(scenario("AlterObject trigger: re-created on other events",
                Stream.concat(table.stream(), Stream.of(new CreateObject(TOUCHED))).toList(),
                new AlterObject(new Trigger(TOUCHED.table(), TOUCHED.trigger(), TOUCHED.definition()
                        .replace("BEFORE UPDATE", "BEFORE INSERT OR UPDATE"), null, null), TOUCHED),
                ObjectKind.TRIGGER, ObjectKind.FUNCTION));
        return s;
    }

    /**
     * The function and trigger scenarios in MySQL's own syntax (the templates above are PostgreSQL's, which MySQL
     * cannot parse): each side runs only where its syntax is the dialect's.
     */
    private static List<OperationScenario> mysqlRoutines(Operation author) {
        Routine addOne = new Routine("kit_add_one", false,
                "CREATE FUNCTION kit_add_one(i int) RETURNS int DETERMINISTIC RETURN i + 1", null, null);
        Trigger touched = new Trigger("author", "kit_author_touch", "CREATE TRIGGER kit_author_touch BEFORE UPDATE"
                + " ON author FOR EACH ROW SET NEW.rating = NEW.rating + 1", null, null);
        List<OperationScenario> s = new ArrayList<>();
        List<ObjectKind> function = List.of(ObjectKind.FUNCTION);
        List<ObjectKind> trigger = List.of(ObjectKind.TRIGGER);
        s.add(mysql("CreateObject function (MySQL)", List.of(), new CreateObject(addOne), function));
        s.add(mysql("DropObject function (MySQL)", List.of(new CreateObject(addOne)), new DropObject(addOne),
                function));
        s.add(mysql("AlterObject function: body replaced (MySQL)", List.of(new CreateObject(addOne)),
                new AlterObject(new Routine(addOne.name(), false, addOne.definition().replace("i + 1", "i + 2"),
                        null, null), addOne), function));
        s.add(mysql("CreateObject trigger (MySQL)", List.of(author), new CreateObject(touched), trigger));
        s.add(mysql("DropObject trigger (MySQL)", List.of(author, new CreateObject(touched)),
                new DropObject(touched), trigger));
        s.add(mysql("AlterObject trigger: re-created on another event (MySQL)",
                List.of(author, new CreateObject(touched)), new AlterObject(new Trigger(touched.table(),
                        touched.trigger(), touched.definition().replace("BEFORE UPDATE", "BEFORE INSERT"), null,
                        null), touched), trigger));
        return s;
    }

    private static boolean mysqlSyntax(covet.api.spi.Dialect d) {
        return d.name().equals("mysql");
    }

    private static OperationScenario mysql(String name, List<Operation> setup, Operation op, List<ObjectKind> kinds) {
        return OperationScenario.of(name, setup, op).requiringDialect(d -> mysqlSyntax(d)
                        && d.managedObjects().containsAll(kinds), "managedObjects() with " + kinds + ", MySQL syntax",
                Refusal.REQUIRED);
    }

    private static Routine function(String signature, String definition) {
        return new Routine(signature, false, definition, null, null);
    }

    private static List<OperationScenario> createAndDrop(String what, List<Operation> setup, SchemaObject object,
                                                         ObjectKind... kinds) {
        List<Operation> withObject = new ArrayList<>(setup);
        withObject.add(new CreateObject(object));
        return List.of(scenario("CreateObject " + what, setup, new CreateObject(object), kinds),
                scenario("DropObject " + what, withObject, new DropObject(object), kinds));
    }

    private static OperationScenario scenario(String name, List<Operation> setup, Operation op,
                                              ObjectKind... kinds) {
        List<ObjectKind> needed = Arrays.asList(kinds);
        boolean postgresSyntax = needed.contains(ObjectKind.FUNCTION) || needed.contains(ObjectKind.TRIGGER);
        return OperationScenario.of(name, setup, op).requiringDialect(d -> d.managedObjects().containsAll(needed)
                        && !(postgresSyntax && mysqlSyntax(d)), "managedObjects() with " + needed
                        + (postgresSyntax ? ", PostgreSQL syntax" : ""), Refusal.REQUIRED);
    }
}
