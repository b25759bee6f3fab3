package covet.api;

import java.util.Collection;

/** Argument checks shared by every module, so that a bad value is reported the same way everywhere. */
public final class Preconditions {
    private Preconditions() {
    }

    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    public static String notBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required and must not be blank");
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one element");
        }
        return value;
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
