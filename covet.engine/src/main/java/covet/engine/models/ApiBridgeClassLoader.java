package covet.engine.models;

/**
 * The parent of the loader that reads model classes: the platform classes, plus covet.api.* taken from Covet's own
 * loader. The annotations a model carries must be the very {@code Class} objects Covet asks for, or
 * {@code getAnnotation(Table.class)} finds nothing; everything else on Covet's path (Jackson, the engine) stays out
 * of the models' sight, so a model jar never resolves against Covet's libraries.
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
