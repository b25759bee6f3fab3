package covet.engine.merge;

import covet.engine.optimize.ObjectKey;

/** One object two branches both change (or one changes and the other uses), with the operation on each side. */
public record Overlap(ObjectKey object, String left, String right) {

    public String describe() {
        return object.describe() + ": " + left + " / " + right;
    }
}
