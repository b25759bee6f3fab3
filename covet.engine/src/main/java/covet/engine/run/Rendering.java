package covet.engine.run;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.operation.RunJava;
import covet.api.spi.Dialect;
import java.util.List;
import java.util.function.Supplier;

/**
 * The statements of an operation as printed: what the dialect renders, or for a Java migration (which runs in
 * code) an SQL comment naming it.
 */
public final class Rendering {
    private Rendering() {
    }

    public static List<String> render(Dialect dialect, Operation op, Supplier<Schema> current) {
        if (op instanceof RunJava java) {
            return List.of("-- Java migration " + java.className() + (java.down() ? ".down" : ".up") + " (v"
                    + java.version() + ") runs in code");
        }
        return dialect.render(op, current);
    }
}
