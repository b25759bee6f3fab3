package covet.engine.fleet;

import java.util.List;

/** What a {@link FleetTask} reports for one target that did not fail: a status, a count and detail lines. */
public record TargetOutcome(String status, int count, List<String> details) {
    public TargetOutcome {
        details = List.copyOf(details);
    }
}
