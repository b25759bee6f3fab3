package covet.cli;

import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the jars of the plugins folders into one child {@link ModuleLayer} of the boot layer. A jar that is not a
 * valid module, or whose module needs something missing, is reported with its path and left out; the others load.
 */
final class PluginLayers {
    private PluginLayers() {
    }

    static PluginRegistry registry(List<Path> dirs) {
        List<Path> jars = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list plugins folder " + dir + ": " + e.getMessage(), e);
                }
            }
        }
        ModuleLayer boot = PluginLayers.class.getModule().getLayer();
        if (boot == null) {
            return PluginRegistry.discover();
        }
        if (jars.isEmpty()) {
            return PluginRegistry.of(boot);
        }
        List<String> problems = new ArrayList<>();
        List<Path> usable = new ArrayList<>();
        for (Path jar : jars) {
            try {
                ModuleFinder.of(jar).findAll();
                usable.add(jar);
            } catch (FindException e) {
                problems.add(jar + ": not a usable module: " + e.getMessage());
            }
        }
        while (true) {
            ModuleFinder finder = ModuleFinder.of(usable.toArray(Path[]::new));
            Set<String> roots = new LinkedHashSet<>();
            for (ModuleReference ref : finder.findAll()) {
                roots.add(ref.descriptor().name());
            }
            try {
                Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
                ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
                return PluginRegistry.of(layer, problems);
            } catch (FindException | ResolutionException | LayerInstantiationException e) {
                Path culprit = culprit(usable, e.getMessage());
                if (culprit == null) {
                    problems.add("plugins could not be loaded: " + e.getMessage());
                    return PluginRegistry.of(boot, problems);
                }
                problems.add(culprit + ": " + e.getMessage());
                usable.remove(culprit);
            }
        }
    }

    /** The jar whose module the resolver's message names, so it alone is left out. */
    private static Path culprit(List<Path> jars, String message) {
        for (Path jar : jars) {
            for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
                if (message != null && message.contains(ref.descriptor().name())) {
                    return jar;
                }
            }
        }
        return null;
    }
}
