package covet.dialect.sqlite;

import covet.api.model.NativeType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated columns in the model. {@code Column.generated} is the expression of a STORED column, so a stored one
 * with a declared type is its type plus that field; a VIRTUAL one (SQLite's default kind), or one without a declared
 * type, stays in its declared spelling, {@code native:INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL}, which re-creates
 * it exactly.
 */
final class SqliteGeneratedColumns {
    /** How the introspector spells a generated column in its type: declared type, then the canonical clause. */
    private static final Pattern STORED = Pattern.compile("(?is)(\\S.*?)\\s+GENERATED ALWAYS AS \\((.*)\\) STORED");

    private SqliteGeneratedColumns() {
    }

    /** The expression of a STORED column spelled in its type with a declared type before it, or null. */
    static String storedExpression(NativeType type) {
        Matcher m = STORED.matcher(type.sql().strip());
        return m.matches() ? m.group(2).strip() : null;
    }

    /** The declared type before the clause, for a type {@link #storedExpression} reads. */
    static String declaredType(NativeType type) {
        Matcher m = STORED.matcher(type.sql().strip());
        return m.matches() ? m.group(1).strip() : null;
    }
}
