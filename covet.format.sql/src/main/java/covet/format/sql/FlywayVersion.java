package covet.format.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway version such as {@code 1.10.2}: parts compared as numbers, so {@code 1.10} comes after {@code 1.9}, and
 * trailing zero parts do not count ({@code 1.0} is {@code 1}), as in Flyway. {@code _} separates parts like {@code .}
 * does ({@code V1_1__x.sql} is version 1.1).
 */
public record FlywayVersion(List<BigInteger> parts, String text) implements Comparable<FlywayVersion> {

    public FlywayVersion {
        parts = List.copyOf(parts);
    }

    /** Null when {@code text} is not a version (digits separated by dots or underscores). */
    public static FlywayVersion parse(String text) {
        if (!text.matches("\\d+([._]\\d+)*")) {
            return null;
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new FlywayVersion(parts, text.replace('_', '.'));
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlywayVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
