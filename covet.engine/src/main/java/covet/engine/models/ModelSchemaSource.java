package covet.engine.models;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.spi.Dialect;
import covet.api.spi.SchemaContext;
import covet.api.spi.SchemaSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired schema from annotated model classes ({@code covet.api.annotation}): compiled classes in a folder
 * ({@code target/classes}) or a jar, or classes the caller has already loaded.
 *
 * <p>Classes are loaded with {@code Class.forName(name, false, loader)}: no static initialiser and no other model
 * code runs. Tables come in class-name order; columns in field declaration order, which is the order javac writes
 * fields to the class file, that is source order ({@code getDeclaredFields} does not promise it, but every JDK so
 * far keeps it).
 */
public final class ModelSchemaSource implements SchemaSource {

    /** The name under which this source is registered. */
    public static final String NAME = "models";

    private final String packagePrefix;

    /** Reads every model class of a location. */
    public ModelSchemaSource() {
        this(null);
    }

    /**
     * Reads the model classes of a location whose package is {@code packagePrefix} or lies under it; null or blank
     * means every package.
     */
    public ModelSchemaSource(String packagePrefix) {
        String p = packagePrefix == null ? "" : packagePrefix.strip();
        while (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        this.packagePrefix = p.isEmpty() ? null : p;
    }

    /**
     * {@code new ModelSchemaSource(packagePrefix).read(location)}: the CLI's {@code --models} and
     * {@code --models-package}. Not an overload of {@code read}, where a null second argument would be ambiguous.
     */
    public static Schema fromLocation(Path location, String packagePrefix) throws IOException {
        return new ModelSchemaSource(packagePrefix).read(location);
    }

    /**
     * The schema of classes already loaded (the Java API's entry). Every class must carry {@code @Table} from this
     * very covet.api; tables come in class-name order.
     *
     * @throws ModelDefinitionException naming the class (and field) that cannot become a table
     */
    public static Schema fromClasses(Collection<? extends Class<?>> classes) {
        List<Class<?>> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(Class::getName));
        Map<String, Class<?>> byTable = new HashMap<>();
        List<Table> tables = new ArrayList<>();
        for (Class<?> c : sorted) {
            Table table;
            try {
                table = TableReader.read(c);
            } catch (ModelDefinitionException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                // an annotation that no longer fits its type (a removed enum constant, a missing class) fails here
                throw new ModelDefinitionException(c.getName() + ": cannot read its annotations: " + e, e);
            }
            Class<?> other = byTable.putIfAbsent(table.name(), c);
            if (other != null && other != c) {
                throw new ModelDefinitionException(c.getName() + ": table '" + table.name()
                        + "' is already the table of " + other.getName());
            }
            if (other == null) {
                tables.add(table);
            }
        }
        return new Schema(tables);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    /** A folder that holds class files, or a {@code .jar}. */
    @Override
    public boolean accepts(Path location) {
        return location != null && (ModelClassScanner.isJar(location) || ModelClassScanner.isClassFolder(location));
    }

    /** Reads the models at {@code location}; {@code context} is not needed and may be null. */
    @Override
    public Schema read(Path location, SchemaContext context) throws IOException {
        return read(location);
    }

    /**
     * Loads the classes under {@code location} that carry {@code @Table} (in the package filter) with a fresh class
     * loader, closed afterwards, and reads them.
     */
    public Schema read(Path location) throws IOException {
        if (!Files.isDirectory(location) && !ModelClassScanner.isJar(location)) {
            throw new IOException("models: " + location + " is neither a folder of compiled classes nor a .jar");
        }
        List<String> names = ModelClassScanner.candidates(location, packagePrefix);
        URL[] urls = {location.toUri().toURL()};
        ClassLoader parent = new ApiBridgeClassLoader(ModelSchemaSource.class.getClassLoader());
        try (URLClassLoader loader = new URLClassLoader("covet-models", urls, parent)) {
            List<Class<?>> models = new ArrayList<>();
            for (String name : names) {
                Class<?> c = load(name, loader, location);
                if (c.isAnnotationPresent(covet.api.annotation.Table.class)) {
                    models.add(c);
                }
            }
            return fromClasses(models);
        }
    }

    private static Class<?> load(String name, ClassLoader loader, Path location) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ModelDefinitionException(name + ": cannot load the model class from " + location + " (" + e
                    + "); the classes it extends and the types of its fields must be there too", e);
        }
    }

    @Override
    public String toString() {
        return "ModelSchemaSource[" + (packagePrefix == null ? "all packages" : packagePrefix) + "]";
    }
}
