package covet.engine.fleet;

import covet.engine.Covet;

/** The work of a fleet run on one target (migrate, showmigrations, ...), given a Covet set to that target. */
@FunctionalInterface
public interface FleetTask {
    /** Throws to report the target as failed; the exception's message is the result's error. */
    TargetOutcome run(Covet target) throws Exception;
}
