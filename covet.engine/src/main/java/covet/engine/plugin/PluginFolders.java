package covet.engine.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the jars of the plugins folders into one child {@link ModuleLayer} of the boot layer, as explicit or
 * automatic modules (a plugin may bring its JDBC driver jar beside it). A jar that is not a valid module, repeats a
 * module Covet already has, or whose module needs something missing, is reported with its path and the reason and
 * left out; the others load. Two jars holding one module is an error naming both: the resolver would otherwise take
 * the first silently. Problems are kept in the registry ({@link PluginRegistry#loadProblems()}) for the caller to
 * report. Used by the CLI for {@code plugins/}, and by applications that want the same.
 */
public final class PluginFolders {
    /** "Module x not found, required by y" and similar: the module that cannot be resolved is the one "required by". */
    private static final Pattern REQUIRED_BY = Pattern.compile("required by ([\\w.$]+)");

    private PluginFolders() {
    }

    /** Providers of {@code parent} (usually the boot layer) and of the jars in {@code dirs}. */
    public static PluginRegistry registry(ModuleLayer parent, List<Path> dirs) {
        List<Path> jars = jars(dirs);
        ModuleLayer boot = parent;
        if (boot == null) {
            return PluginRegistry.discover();
        }
        if (jars.isEmpty()) {
            return PluginRegistry.of(boot);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> modules = new LinkedHashMap<>();
        for (Path jar : jars) {
            String name;
            try {
                var found = ModuleFinder.of(jar).findAll();
                if (found.isEmpty()) {
                    problems.add(jar + ": not a module (no module-info.class and no usable jar name)");
                    continue;
                }
                name = found.iterator().next().descriptor().name();
            } catch (FindException e) {
                problems.add(jar + ": not a usable module: " + reason(e));
                continue;
            }
            if (boot.findModule(name).isPresent()) {
                problems.add(jar + ": module " + name + " is already part of Covet (lib/); the copy in plugins/ is"
                        + " left out");
                continue;
            }
            Path previous = modules.putIfAbsent(name, jar);
            if (previous != null) {
                throw new PluginException("two jars in the plugins folders hold module " + name + ": " + previous
                        + " and " + jar + "; remove one of them");
            }
        }
        ModuleLayer layer = define(boot, modules, problems);
        return PluginRegistry.of(layer, problems);
    }

    /** Resolves what is left, leaving out one jar at a time the resolver names, until the layer can be defined. */
    private static ModuleLayer define(ModuleLayer boot, Map<String, Path> modules, List<String> problems) {
        Map<String, Path> usable = new LinkedHashMap<>(modules);
        while (!usable.isEmpty()) {
            ModuleFinder finder = ModuleFinder.of(usable.values().toArray(Path[]::new));
            try {
                Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), usable.keySet());
                return boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
            } catch (FindException | ResolutionException | LayerInstantiationException e) {
                String culprit = culprit(usable, e.getMessage());
                if (culprit == null) {
                    problems.add("the plugins " + usable.values() + " could not be loaded together: " + reason(e));
                    return boot;
                }
                problems.add(usable.remove(culprit) + ": " + reason(e));
            }
        }
        return boot;
    }

    private static List<Path> jars(List<Path> dirs) {
        List<Path> jars = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                            .map(p -> p.toAbsolutePath().normalize())
                            .filter(p -> !jars.contains(p))
                            .forEach(jars::add);
                } catch (IOException e) {
                    throw new PluginException("cannot list plugins folder " + dir + ": " + e.getMessage(), e);
                }
            }
        }
        return jars;
    }

    /**
     * The module to leave out: the one the message says requires something missing, else the first plugin module
     * the message names as a whole word.
     */
    private static String culprit(Map<String, Path> modules, String message) {
        if (message == null) {
            return null;
        }
        Matcher m = REQUIRED_BY.matcher(message);
        while (m.find()) {
            if (modules.containsKey(m.group(1))) {
                return m.group(1);
            }
        }
        for (String name : modules.keySet()) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w.])").matcher(message).find()) {
                return name;
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
