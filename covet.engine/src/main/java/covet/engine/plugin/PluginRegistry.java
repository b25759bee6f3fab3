package covet.engine.plugin;

import covet.api.spi.Dialect;
import covet.api.spi.MigrationSource;
import covet.api.spi.MigrationWriter;
import covet.api.spi.SchemaSource;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Finds dialects, migration formats and schema sources with {@link ServiceLoader}, in a module layer (the boot layer
 * or a plugin layer whose parent is the boot layer) or a class loader. Each kind is loaded on first use, once.
 * Two providers of one name is an error naming both; a plugin built for another API version is an error; nothing
 * is chosen silently.
 */
public final class PluginRegistry {
    private final ModuleLayer layer;
    private final ClassLoader loader;
    private final List<String> loadProblems;
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private List<Dialect> dialects;
    private List<MigrationSource> sources;
    private List<MigrationWriter> writers;
    private List<SchemaSource> schemaSources;
    private List<covet.api.migration.JavaMigration> javaMigrations;

    private PluginRegistry(ModuleLayer layer, ClassLoader loader, List<String> loadProblems) {
        this.layer = layer;
        this.loader = loader;
        this.loadProblems = List.copyOf(loadProblems);
    }

    /** Providers in {@code layer} and its parents. */
    public static PluginRegistry of(ModuleLayer layer) {
        return new PluginRegistry(layer, null, List.of());
    }

    /** Providers in {@code layer} and its parents; {@code problems} are plugin jars that could not be loaded. */
    public static PluginRegistry of(ModuleLayer layer, List<String> problems) {
        return new PluginRegistry(layer, null, problems);
    }

    /** Providers visible to {@code loader} (class path use, or a named module's loader). */
    public static PluginRegistry of(ClassLoader loader) {
        return new PluginRegistry(null, loader, List.of());
    }

    /** Providers visible to the engine itself: the boot layer on the module path, the class path otherwise. */
    public static PluginRegistry discover() {
        Module self = PluginRegistry.class.getModule();
        return self.isNamed() && self.getLayer() != null ? of(self.getLayer())
                : of(Thread.currentThread().getContextClassLoader());
    }

    /** Plugin jars that could not be loaded, each with its path and the reason. */
    public List<String> loadProblems() {
        List<String> all = new ArrayList<>(loadProblems);
        all.addAll(problems);
        return all;
    }

    public synchronized List<Dialect> dialects() {
        if (dialects == null) {
            dialects = load(Dialect.class, Dialect::name, Dialect::apiVersion, "dialect");
        }
        return dialects;
    }

    public synchronized List<MigrationSource> migrationSources() {
        if (sources == null) {
            sources = load(MigrationSource.class, MigrationSource::format, MigrationSource::apiVersion, "format");
        }
        return sources;
    }

    public synchronized List<MigrationWriter> migrationWriters() {
        if (writers == null) {
            writers = load(MigrationWriter.class, MigrationWriter::format, MigrationWriter::apiVersion, "format");
        }
        return writers;
    }

    public synchronized List<SchemaSource> schemaSources() {
        if (schemaSources == null) {
            schemaSources = load(SchemaSource.class, SchemaSource::name, SchemaSource::apiVersion, "schema source");
        }
        return schemaSources;
    }

    /** Java data migrations ({@code provides covet.api.migration.JavaMigration}), in class-name order. */
    public synchronized List<covet.api.migration.JavaMigration> javaMigrations() {
        if (javaMigrations == null) {
            var type = covet.api.migration.JavaMigration.class;
            ServiceLoader<covet.api.migration.JavaMigration> sl = layer != null ? ServiceLoader.load(layer, type)
                    : ServiceLoader.load(type, loader);
            List<covet.api.migration.JavaMigration> found = new ArrayList<>();
            try {
                sl.forEach(found::add);
            } catch (ServiceConfigurationError e) {
                throw new PluginException("a Java migration could not be loaded: " + e.getMessage(), e);
            }
            found.sort(Comparator.comparing(j -> j.getClass().getName()));
            javaMigrations = List.copyOf(found);
        }
        return javaMigrations;
    }

    /** The dialect called {@code name}, or an error listing the installed ones. */
    public Dialect dialect(String name) {
        return dialects().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new PluginException("no dialect named '" + name + "'; installed: "
                        + names(dialects(), Dialect::name) + notLoaded()));
    }

    /** The one dialect that accepts {@code jdbcUrl}; none, or more than one, is an error. */
    public Dialect dialectForUrl(String jdbcUrl) {
        List<Dialect> matching = dialects().stream().filter(d -> d.acceptsUrl(jdbcUrl)).toList();
        String scheme = schemeOf(jdbcUrl);
        if (matching.isEmpty()) {
            String alias = UrlAliases.suggest(jdbcUrl, this);
            if (alias != null) {
                throw new PluginException(alias);
            }
            throw new PluginException("no installed dialect accepts the URL " + scheme + "...; installed: "
                    + names(dialects(), Dialect::name) + " (add the dialect's jar to plugins/)" + notLoaded());
        }
        if (matching.size() > 1) {
            throw new PluginException("dialects " + matching.stream().map(d -> d.name() + " (" + locationOf(d) + ")")
                    .collect(Collectors.joining(" and ")) + " both accept the URL " + scheme
                    + "...; choose one with the 'dialect' setting");
        }
        return matching.get(0);
    }

    public Optional<MigrationSource> sourceForExtension(String extension) {
        return migrationSources().stream().filter(s -> s.fileExtension().equalsIgnoreCase(extension)).findFirst();
    }

    public MigrationWriter writer(String format) {
        return migrationWriters().stream().filter(w -> w.format().equals(format)).findFirst()
                .orElseThrow(() -> new PluginException("no migration format named '" + format + "'; installed: "
                        + names(migrationWriters(), MigrationWriter::format)));
    }

    /** Every provider of every kind, for {@code covet plugins}. */
    public List<PluginInfo> describe() {
        List<PluginInfo> all = new ArrayList<>();
        dialects().forEach(d -> all.add(info("dialect", d.name(), d)));
        migrationSources().forEach(s -> all.add(info("format (read)", s.format(), s)));
        migrationWriters().forEach(w -> all.add(info("format (write)", w.format(), w)));
        schemaSources().forEach(s -> all.add(info("schema source", s.name(), s)));
        return all;
    }

    private <T> List<T> load(Class<T> type, Function<T, String> name, ToIntFunction<T> apiVersion, String kind) {
        ServiceLoader<T> serviceLoader = layer != null ? ServiceLoader.load(layer, type)
                : ServiceLoader.load(type, loader);
        List<T> found = new ArrayList<>();
        Map<String, T> byName = new HashMap<>();
        // one broken provider is reported and skipped; it must not hide the others
        var providers = serviceLoader.stream().iterator();
        while (true) {
            T provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next().get();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("a " + kind + " plugin could not be loaded: " + e.getMessage());
                continue;
            }
            if (apiVersion.applyAsInt(provider) != Dialect.API_VERSION) {
                throw new PluginException(kind + " '" + name.apply(provider) + "' (" + locationOf(provider)
                        + ") was built for Covet API " + apiVersion.applyAsInt(provider) + "; this Covet speaks API "
                        + Dialect.API_VERSION);
            }
            T previous = byName.putIfAbsent(name.apply(provider), provider);
            if (previous != null) {
                if (previous.getClass() == provider.getClass()) {
                    continue; // the same provider seen through a parent layer and a class loader
                }
                throw new PluginException("two " + kind + " plugins claim the name '" + name.apply(provider) + "': "
                        + locationOf(previous) + " and " + locationOf(provider) + "; remove one of them");
            }
            found.add(provider);
        }
        found.sort(Comparator.comparing(name));
        return List.copyOf(found);
    }

    private PluginInfo info(String kind, String name, Object provider) {
        Module module = provider.getClass().getModule();
        String version = module.getDescriptor() != null ? module.getDescriptor().rawVersion().orElse("-") : "-";
        return new PluginInfo(kind, name, module.isNamed() ? module.getName() : "(class path)", version,
                locationOf(provider));
    }

    /** The jar or folder a provider's class came from. */
    public static String locationOf(Object provider) {
        Module module = provider.getClass().getModule();
        if (module.isNamed() && module.getLayer() != null) {
            Optional<URI> uri = module.getLayer().configuration().findModule(module.getName())
                    .map(m -> m.reference()).flatMap(ModuleReference::location);
            if (uri.isPresent()) {
                return uri.get().getScheme().equals("file") ? java.nio.file.Path.of(uri.get()).toString()
                        : uri.get().toString();
            }
        }
        CodeSource cs = provider.getClass().getProtectionDomain().getCodeSource();
        return cs != null && cs.getLocation() != null ? cs.getLocation().getPath() : "(unknown)";
    }

    private String notLoaded() {
        List<String> all = loadProblems();
        return all.isEmpty() ? "" : "; not loaded: " + String.join("; ", all);
    }

    /** {@code jdbc:postgresql:} of a URL: enough to name it in a message without printing credentials. */
    static String schemeOf(String jdbcUrl) {
        int second = jdbcUrl.indexOf(':', jdbcUrl.startsWith("jdbc:") ? 5 : 0);
        return second < 0 ? "(not a JDBC URL)" : jdbcUrl.substring(0, second + 1);
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        return items.isEmpty() ? "none" : items.stream().map(name).collect(Collectors.joining(", "));
    }
}
