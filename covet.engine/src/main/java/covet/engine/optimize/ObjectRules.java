package covet.engine.optimize;

import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import java.util.List;
import java.util.Optional;

/**
 * The pair rules for named objects (types, sequences, views, routines, triggers): a creation absorbs the changes
 * that follow it, two changes are one, and an object created then dropped was never there. A drop followed by a
 * creation stays (it may be a deliberate rebuild, such as a view re-created around a column change).
 */
final class ObjectRules {
    private ObjectRules() {
    }

    static void add(ReductionRules r) {
        r.add(CreateObject.class, DropObject.class, (a, b) ->
                same(a.object().key(), b.object().key()) ? ReductionRules.NOTHING : Optional.empty());
        r.add(CreateObject.class, AlterObject.class, (a, b) ->
                same(a.object().key(), b.object().key()) ? ReductionRules.one(new CreateObject(b.object()))
                        : Optional.empty());
        r.add(AlterObject.class, AlterObject.class, ObjectRules::alterTwice);
        // the drop carries the definition from before the change, so its reverse still restores it; without one,
        // the pair is irreversible and stays as it is
        r.add(AlterObject.class, DropObject.class, (a, b) ->
                same(a.object().key(), b.object().key()) && a.previous() != null
                        ? ReductionRules.one(new DropObject(a.previous())) : Optional.empty());
    }

    private static Optional<List<covet.api.operation.Operation>> alterTwice(AlterObject a, AlterObject b) {
        if (!same(a.object().key(), b.object().key())) {
            return Optional.empty();
        }
        if (a.previous() != null && a.previous().equals(b.object())) {
            return ReductionRules.NOTHING;
        }
        return ReductionRules.one(new AlterObject(b.object(), a.previous()));
    }

    private static boolean same(String keyA, String keyB) {
        return keyA.equals(keyB);
    }
}
