package covet.engine.models;

/**
 * The parent of the loader that reads model classes: the platform classes, plus covet.api.* taken from Covet's own
 * loader. The annotations a model carries must be the very {@code Class} objects Covet asks for, or
 * {@code getAnnotation(Table.class)} finds nothing. Whatever sits on Covet's class path stays out of the models'
 * sight. (On the module path the platform loader itself reaches the boot layer's named modules, as the JDK's
 * built-in loaders share one package-to-module map; that is harmless, and it is why the bridge matters most when
 * Covet runs from the class path or from a plugin layer.)
 */
final class ApiBridgeClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String API_PREFIX = "covet.api.";

    private final ClassLoader covetLoader;

    ApiBridgeClassLoader(ClassLoader covetLoader) {
        super("covet-api-bridge", ClassLoader.getPlatformClassLoader());
        this.covetLoader = covetLoader;
    }

    /** Reached only when the platform loader lacks the class (parent first, as ClassLoader.loadClass does). */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(API_PREFIX)) {
            return Class.forName(name, false, covetLoader);
        }
        throw new ClassNotFoundException(name);
    }
}
