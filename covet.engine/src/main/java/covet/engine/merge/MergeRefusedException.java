package covet.engine.merge;

import covet.api.CovetException;
import java.util.List;

/** The branches to merge change the same objects; the message lists each object and the operations on it. */
public class MergeRefusedException extends CovetException {
    private final List<Overlap> overlaps;

    public MergeRefusedException(String message, List<Overlap> overlaps) {
        super(message);
        this.overlaps = List.copyOf(overlaps);
    }

    public List<Overlap> overlaps() {
        return overlaps;
    }
}
