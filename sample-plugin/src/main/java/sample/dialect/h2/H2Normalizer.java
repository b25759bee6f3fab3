package sample.dialect.h2;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wanted schema as {@link H2Introspector} reads it back: types in H2's spelling, primary keys unnamed (H2 names
 * them itself), primary key columns NOT NULL, NO ACTION reported as RESTRICT (H2's name for the same rule), no
 * default on identity columns, and everything but columns sorted by name. Check expressions and defaults pass
 * through {@link #expression}, the same rewriting the introspector applies to what H2 stores.
 */
final class H2Normalizer {
    private static final Pattern QUOTED_SIMPLE = Pattern.compile("\"([a-z_][a-z0-9_]*)\"");
    /** H2 writes a literal compared with a decimal column as {@code CAST(0 AS NUMERIC(1))}. */
    private static final Pattern NUMERIC_CAST = Pattern.compile(
            "CAST\\((-?[0-9]+(?:\\.[0-9]+)?) AS NUMERIC\\([0-9]+(?:, ?[0-9]+)?\\)\\)");
    private static final Set<String> KEYWORDS = Set.of("TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME");

    private H2Normalizer() {
    }

    static Schema normalize(Schema schema) {
        return schema.withTables(sorted(schema.tables().stream().map(H2Normalizer::table).toList(), Table::name));
    }

    private static Table table(Table t) {
        List<String> pkColumns = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = t.columns().stream().map(c -> column(c, pkColumns.contains(c.name()))).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(f -> f.onDelete(rule(f.onDelete()))
                .onUpdate(rule(f.onUpdate()))).toList();
        List<Check> checks = t.checks().stream()
                .map(c -> c.withExpression(expression(c.expression()))).toList();
        List<Index> indexes = t.indexes().stream().map(i -> i.withWhere(null).withMethod(
                i.method() == null || i.method().equalsIgnoreCase("btree") ? null : i.method())).toList();
        // what H2 cannot hold (collations, exclusions, options, deferrable keys, comments on indexes and
        // constraints) is kept for the renderer to refuse
        return t.withColumns(columns).withPrimaryKey(t.primaryKey() == null ? null
                        : t.primaryKey().withName(null).withColumns(pkColumns))
                .withUniques(sorted(t.uniques(), u -> u.name())).withIndexes(sorted(indexes, Index::name))
                .withForeignKeys(sorted(fks, ForeignKey::name)).withChecks(sorted(checks, Check::name))
                .withComment(emptyToNull(t.comment()));
    }

    /** BY DEFAULT is the ordinary auto-increment (null); a generated expression reads back re-rendered. */
    private static Column column(Column c, boolean inPrimaryKey) {
        return new Column(c.name(), H2Types.normalize(c.type()), c.nullable() && !inPrimaryKey,
                c.autoIncrement() || c.generated() != null ? null : defaultValue(c.defaultValue()), c.autoIncrement(),
                emptyToNull(c.comment()), c.identity() == Identity.ALWAYS ? Identity.ALWAYS : null,
                c.generated() == null ? null : expression(c.generated()), c.collation());
    }

    private static ReferentialAction rule(ReferentialAction a) {
        return a == ReferentialAction.NO_ACTION ? ReferentialAction.RESTRICT : a;
    }

    /** A default as H2 stores it: keywords upper case, DEFAULT NULL as no default. */
    static String defaultValue(String sql) {
        if (sql == null || sql.isBlank() || sql.strip().equalsIgnoreCase("NULL")) {
            return null;
        }
        String e = expression(sql);
        return KEYWORDS.contains(e.toUpperCase(Locale.ROOT)) ? e.toUpperCase(Locale.ROOT) : e;
    }

    /**
     * H2 stores expressions re-rendered: identifiers quoted, one level of parentheses around each comparison of a
     * compound condition, line breaks before AND/OR, numeric literals cast to the column's type. Lower-case names are unquoted again (the connection folds
     * unquoted names to lower case, so both mean the same column), blanks collapse, and outer parentheses go.
     */
    static String expression(String sql) {
        Matcher m = QUOTED_SIMPLE.matcher(sql.strip().replaceAll("\\s+", " "));
        String s = NUMERIC_CAST.matcher(m.replaceAll("$1")).replaceAll("$1");
        while (s.startsWith("(") && s.endsWith(")") && closingOfFirst(s) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int closingOfFirst(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static <T> List<T> sorted(List<T> list, Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name)).toList();
    }
}
