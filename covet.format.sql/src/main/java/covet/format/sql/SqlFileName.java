package covet.format.sql;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code .sql} file name says: Flyway's {@code V<version>__<description>.sql} (versioned),
 * {@code U<version>__<description>.sql} (undo of that version), {@code R__<description>.sql} (repeatable), or one
 * half of an {@code <id>.up.sql} / {@code <id>.down.sql} pair. The migration id is the file stem ({@code V1.1__init},
 * {@code R__views}); a pair's id is the part before {@code .up} ({@code 0002_users}).
 */
public record SqlFileName(Kind kind, String id, FlywayVersion version, String description) {

    public enum Kind { VERSIONED, UNDO, REPEATABLE, UP, DOWN }

    private static final Pattern FLYWAY = Pattern.compile("([VUR])(.*?)__(.*)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAIR = Pattern.compile("(.+)\\.(up|down)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    /** What the name means, or null when it follows none of the accepted patterns. */
    public static SqlFileName parse(String fileName) {
        Matcher pair = PAIR.matcher(fileName);
        if (pair.matches()) {
            boolean up = pair.group(2).equalsIgnoreCase("up");
            return new SqlFileName(up ? Kind.UP : Kind.DOWN, pair.group(1), null, pair.group(1));
        }
        Matcher flyway = FLYWAY.matcher(fileName);
        if (!flyway.matches()) {
            return null;
        }
        char prefix = Character.toUpperCase(flyway.group(1).charAt(0));
        String description = flyway.group(3).replace('_', ' ');
        String stem = fileName.substring(0, fileName.length() - ".sql".length());
        if (prefix == 'R') {
            return flyway.group(2).isEmpty()
                    ? new SqlFileName(Kind.REPEATABLE, "R__" + flyway.group(3), null, description) : null;
        }
        FlywayVersion version = FlywayVersion.parse(flyway.group(2));
        if (version == null) {
            return null;
        }
        return new SqlFileName(prefix == 'V' ? Kind.VERSIONED : Kind.UNDO, stem, version, description);
    }

    /** A pair's leading number ({@code 0002} of {@code 0002_users}), by which pairs are ordered; null if none. */
    public BigInteger pairNumber() {
        Matcher m = LEADING_NUMBER.matcher(id);
        return m.find() ? new BigInteger(m.group(1)) : null;
    }

    /** What the accepted names look like, for the message about a name that is none of them. */
    public static String patterns() {
        return "V<version>__<description>.sql, U<version>__<description>.sql, R__<description>.sql, "
                + "<id>.up.sql or <id>.down.sql";
    }
}
