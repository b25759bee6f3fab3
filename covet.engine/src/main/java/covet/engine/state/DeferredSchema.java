package covet.engine.state;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A schema computed only if a dialect asks for it: a base (replayed migrations) plus the operations rendered since,
 * applied on demand. Dialects that never look at the schema cost nothing, and migrations written against tables the
 * model does not know still render for them.
 */
public final class DeferredSchema implements Supplier<Schema> {
    private final Supplier<Schema> base;
    private final List<Operation> since = new ArrayList<>();
    private Schema value;

    public DeferredSchema(Supplier<Schema> base) {
        this.base = base;
    }

    @Override
    public Schema get() {
        if (value == null) {
            value = base.get();
        }
        for (Operation op : since) {
            value = op.applyTo(value);
        }
        since.clear();
        return value;
    }

    public void applied(Operation op) {
        since.add(op);
    }
}
