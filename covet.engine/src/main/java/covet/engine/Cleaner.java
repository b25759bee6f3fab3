package covet.engine;

import covet.api.CovetException;
import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.operation.DropObject;
import covet.api.operation.Operation;
import covet.engine.config.FileFlag;
import covet.engine.diff.Autodetector;
import covet.engine.questioner.Questioner;
import covet.engine.run.Rendering;
import covet.engine.state.DeferredSchema;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet clean}: drops every object of the database's schema that the dialect can read (tables, views,
 * sequences, types, functions, ... and the history tables of Covet, Flyway or Liquibase), leaving the schemas
 * (namespaces) themselves. Refused unless the config file says {@code clean_enabled: true}; the CLI also demands
 * {@code --yes}. What the dialect cannot read or drop is named, never dropped quietly and never hidden.
 */
public final class Cleaner {
    private Cleaner() {
    }

    /** The statements run, and the objects left in place because Covet does not manage them. */
    public record Result(List<String> statements, List<String> leftInPlace) {
    }

    public static Result clean(Covet covet) {
        if (!FileFlag.CLEAN_ENABLED.enabled(covet.config())) {
            throw new CleanRefusedException("clean refused: it drops every object of the schema, so it runs only when"
                    + " the config file says '" + FileFlag.CLEAN_ENABLED.key() + ": true' (it is "
                    + (covet.config().origins().containsKey(FileFlag.CLEAN_ENABLED.key()) ? "false in "
                    + covet.config().origins().get(FileFlag.CLEAN_ENABLED.key()) : "not set") + ")");
        }
        return covet.locked(false, (c, history, rows) -> {
            var introspector = covet.dialect().introspector();
            Schema live = introspector.introspect(c);
            List<String> leftInPlace = introspector.unmanaged(c);
            List<Operation> drops = new ArrayList<>();
            for (Operation op : new Autodetector(x -> x, Questioner.NO_RENAMES).diff(live, Schema.EMPTY)) {
                // the schema itself stays, as in Flyway: clean empties it
                if (!(op instanceof DropObject d && d.object().kind() == ObjectKind.NAMESPACE)) {
                    drops.add(op);
                }
            }
            DeferredSchema state = new DeferredSchema(() -> live);
            List<String> statements = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (Operation op : drops) {
                    for (String sql : Rendering.render(covet.dialect(), op, state)) {
                        try {
                            s.execute(sql);
                        } catch (java.sql.SQLException e) {
                            throw new CovetException(covet.dialect().name() + ": clean failed at " + op.describe()
                                    + ": " + sql + ": " + e.getMessage(), e);
                        }
                        statements.add(sql);
                    }
                    state.applied(op);
                }
            }
            return new Result(statements, leftInPlace);
        });
    }

    /** Clean was not enabled in the config file. */
    public static final class CleanRefusedException extends CovetException {
        public CleanRefusedException(String message) {
            super(message);
        }
    }
}
