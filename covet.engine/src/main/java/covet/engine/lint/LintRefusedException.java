package covet.engine.lint;

import covet.api.CovetException;
import java.util.List;

/** A command refused to act because lint found blocking problems; the message says which and how to allow them. */
public class LintRefusedException extends CovetException {
    private final transient List<Finding> findings;

    public LintRefusedException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    /** The blocking findings. */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The refusal of {@code command} over {@code blocking} (non-empty): the first findings, and the {@code --allow}
     * options that would let it through.
     */
    public static LintRefusedException of(String command, List<Finding> blocking) {
        StringBuilder b = new StringBuilder(command).append(" refused: ").append(blocking.size())
                .append(blocking.size() == 1 ? " blocking lint finding" : " blocking lint findings")
                .append("; nothing was changed.");
        blocking.stream().limit(5).forEach(f -> b.append("\n  ").append(f.line()));
        if (blocking.size() > 5) {
            b.append("\n  ... and ").append(blocking.size() - 5).append(" more (covet lint lists them)");
        }
        b.append("\n  If this is intended, pass");
        blocking.stream().map(Finding::rule).distinct().forEach(r -> b.append(" --allow ").append(r));
        return new LintRefusedException(b.toString(), blocking);
    }
}
