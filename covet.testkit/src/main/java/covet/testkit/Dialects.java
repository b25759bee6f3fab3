package covet.testkit;

import covet.api.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds a dialect by name exactly as Covet does, through {@link ServiceLoader} (JUnit's EngineTestKit loads an
 * engine by id the same way), so a missing {@code provides} or {@code META-INF/services} entry fails here first.
 */
final class Dialects {
    private Dialects() {
    }

    static Dialect load(String name) {
        Module self = Dialects.class.getModule();
        ServiceLoader<Dialect> loader = self.isNamed() && self.getLayer() != null
                ? ServiceLoader.load(self.getLayer(), Dialect.class)
                : ServiceLoader.load(Dialect.class, classLoader());
        List<Dialect> all = new ArrayList<>();
        loader.forEach(all::add);
        List<Dialect> named = all.stream().filter(d -> name.equals(d.name())).toList();
        if (named.isEmpty()) {
            throw new AssertionError("no dialect named '" + name + "' was found by ServiceLoader (found: "
                    + all.stream().map(Dialect::name).collect(Collectors.joining(", ")) + "); check that the dialect"
                    + " declares 'provides covet.api.spi.Dialect with ...' in module-info.java and lists its class in"
                    + " META-INF/services/covet.api.spi.Dialect");
        }
        if (named.size() > 1) {
            throw new AssertionError("two dialects are named '" + name + "': " + named.stream()
                    .map(d -> d.getClass().getName()).collect(Collectors.joining(" and ")));
        }
        Dialect d = named.get(0);
        if (d.apiVersion() != Dialect.API_VERSION) {
            throw new AssertionError(name + ": built for Covet API " + d.apiVersion() + ", this kit speaks "
                    + Dialect.API_VERSION);
        }
        return d;
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : Dialects.class.getClassLoader();
    }
}
