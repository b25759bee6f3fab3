package covet.engine.merge;

import covet.api.CovetException;
import java.util.List;

/** An app's migrations end in two or more leaves; the message names them and the command that joins them. */
public class BranchConflictException extends CovetException {
    private final List<String> leaves;

    public BranchConflictException(String message, List<String> leaves) {
        super(message);
        this.leaves = List.copyOf(leaves);
    }

    public List<String> leaves() {
        return leaves;
    }
}
