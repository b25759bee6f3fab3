package covet.spring;

import covet.api.CovetException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up stopped by Covet shows Covet's own message (which migration, which operation, which SQL, what the
 * database said) under "APPLICATION FAILED TO START", not a wall of bean-creation wrappers.
 */
public class CovetFailureAnalyzer extends AbstractFailureAnalyzer<CovetException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CovetException cause) {
        return new FailureAnalysis("Covet could not migrate the database:\n\n" + cause.getMessage(),
                "Fix the migration or the database as the message says and start again (a failed migration on a "
                        + "database with transactional DDL left nothing behind). To start without migrating, set "
                        + "covet.enabled=false.", cause);
    }
}
