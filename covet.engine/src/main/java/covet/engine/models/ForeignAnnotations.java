package covet.engine.models;

import java.lang.annotation.Annotation;

/**
 * Explains the one confusing way a model loses its annotations: they come from another copy of covet.api (a class
 * loader that did not delegate covet.api to Covet's), so {@code getAnnotation(Table.class)} finds nothing.
 */
final class ForeignAnnotations {
    private ForeignAnnotations() {
    }

    /** A sentence to append to "has no @Table", or "" when the class carries no look-alike annotation. */
    static String hint(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t.getName().equals(covet.api.annotation.Table.class.getName())
                    && t != covet.api.annotation.Table.class) {
                return "; it carries a @Table from another copy of covet.api (loaded by " + t.getClassLoader()
                        + "): load the models with a class loader that delegates covet.api.* to Covet's own";
            }
        }
        return "";
    }
}
