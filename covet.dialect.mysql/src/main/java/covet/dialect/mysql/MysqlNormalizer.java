package covet.dialect.mysql;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A wanted schema as {@link MysqlIntrospector} would read it back after {@link MysqlRenderer} created it: types and
 * defaults in the server's spelling, the primary key unnamed (MySQL calls every one PRIMARY), primary key columns
 * NOT NULL, every plain unique index a {@link UniqueConstraint} (MySQL has no difference between the two; the
 * index's comment is the constraint's), empty comments as none, no index
 * that only stands in for a foreign key, checks without their outer parentheses and with plain names unquoted,
 * and everything but columns sorted by name, as the introspector sorts them.
 */
public final class MysqlNormalizer {
    private MysqlNormalizer() {
    }

    public static Schema normalize(Schema schema) {
        return schema.withTables(schema.tables().stream().map(MysqlNormalizer::table)
                .sorted(Comparator.comparing(Table::name)).toList())
                .withObjects(schema.objects().stream().map(MysqlNormalizer::object)
                        .sorted(Comparator.comparing(covet.api.model.SchemaObject::key)).toList());
    }

    /**
     * An object as {@link MysqlObjectReader} reads it: the definition without surrounding blanks and a trailing
     * semicolon, empty comments as none, dependencies sorted once each. Bodies are otherwise compared as the
     * server stores them.
     */
    static covet.api.model.SchemaObject object(covet.api.model.SchemaObject o) {
        covet.api.model.SchemaObject n = o;
        if (o instanceof covet.api.model.View v) {
            n = new covet.api.model.View(v.name(), body(v.definition()), v.comment(), v.dependsOn());
        } else if (o instanceof covet.api.model.Routine r) {
            n = new covet.api.model.Routine(r.name(), r.procedure(), body(r.definition()), r.comment(), r.dependsOn());
        } else if (o instanceof covet.api.model.Trigger t) {
            n = new covet.api.model.Trigger(t.table(), t.trigger(), body(t.definition()), t.comment(), t.dependsOn());
        } else if (o instanceof covet.api.model.Event e) {
            n = new covet.api.model.Event(e.name(), body(e.definition()), e.comment(), e.dependsOn());
        }
        return n.withComment(blankToNull(n.comment()))
                .withDependsOn(n.dependsOn().stream().distinct().sorted().toList());
    }

    private static String body(String definition) {
        String d = definition.strip();
        while (d.endsWith(";")) {
            d = d.substring(0, d.length() - 1).stripTrailing();
        }
        return d;
    }

    static Table table(Table t) {
        Set<String> pk = t.primaryKey() == null ? Set.of() : Set.copyOf(t.primaryKey().columns());
        Map<String, String> options = MysqlTableOptions.normalize(t.options());
        String engine = options.get(MysqlTableOptions.ENGINE);
        List<Column> columns = t.columns().stream()
                .map(c -> column(c, pk.contains(c.name()), options.get(MysqlTableOptions.COLLATE))).toList();
        List<UniqueConstraint> uniques = new ArrayList<>(t.uniques().stream()
                .map(u -> u.withComment(blankToNull(u.comment()))).toList());
        List<Index> indexes = new ArrayList<>();
        for (Index raw : t.indexes()) {
            Index i = MysqlIndexKind.canonical(raw, engine).withComment(blankToNull(raw.comment()));
            if (isPlainUnique(i)) {
                uniques.add(new UniqueConstraint(i.name(), i.columns().stream().map(IndexColumn::name).toList())
                        .withComment(i.comment()));
            } else if (!isForeignKeyStandIn(i, t.foreignKeys())) {
                indexes.add(i);
            }
        }
        Set<String> jsonColumns = columns.stream()
                .filter(c -> c.type() instanceof LogicalType && ((LogicalType) c.type()).kind() == TypeKind.JSON)
                .map(Column::name).collect(Collectors.toSet());
        List<Check> checks = t.checks().stream()
                .map(c -> c.withExpression(checkExpression(c.expression())))
                .filter(c -> !isJsonValidCheck(c, jsonColumns))
                .toList();
        // what MySQL cannot hold (exclusions, options, partitioning, deferrable keys, comments on foreign keys and
        // checks) is kept, for the diff to show and the renderer to refuse by name
        PrimaryKey key = t.primaryKey() == null ? null
                : t.primaryKey().withName(null).withComment(blankToNull(t.primaryKey().comment()));
        return t.withColumns(columns)
                .withPrimaryKey(key)
                .withUniques(sorted(uniques, UniqueConstraint::name)).withIndexes(sorted(indexes, Index::name))
                .withForeignKeys(sorted(t.foreignKeys(), ForeignKey::name)).withChecks(sorted(checks, Check::name))
                .withComment(blankToNull(t.comment())).withOptions(options);
    }

    /**
     * A column as the introspector reads it: an identity refinement is MySQL's one AUTO_INCREMENT (ALWAYS is not
     * enforced, so it reads back as the ordinary one); a collation in {@link Column#collation()} only where the
     * column declares its own (one that names the table's collation is inherited, and reads back as none); a
     * stored generated expression in {@link Column#generated()}. Older migration files folded both into the native
     * type ({@code varchar(5) character set latin1 collate latin1_bin}, {@code ... generated always as (e)
     * stored}); they are moved out of it here. VIRTUAL generated columns stay in the native type, as the model's
     * generated expression is a stored one.
     */
    static Column column(Column c, boolean inPrimaryKey, String tableCollation) {
        ColumnType type = MysqlTypes.normalize(c.type());
        String collation = c.collation();
        String generated = c.generated();
        if (type instanceof NativeType n) {
            String sql = n.sql();
            java.util.regex.Matcher stored = FOLDED_STORED.matcher(sql);
            if (generated == null && stored.matches()) {
                generated = stored.group(2);
                sql = stored.group(1);
            }
            java.util.regex.Matcher folded = FOLDED_COLLATION.matcher(sql);
            if (folded.matches()) {
                collation = collation != null ? collation : folded.group(3) != null ? folded.group(3)
                        : defaultCollation(folded.group(2));
                sql = folded.group(1) + (folded.group(4) == null ? "" : folded.group(4));
            }
            if (!sql.equals(n.sql())) {
                type = MysqlTypes.fromColumnType(sql);
            }
        }
        collation = collation == null ? null : collation.strip().toLowerCase(java.util.Locale.ROOT);
        if (collation != null && collation.equals(tableCollation)) {
            collation = null;
        }
        generated = generated == null ? null : MysqlExpressions.canonical(generated.strip());
        boolean isGenerated = generated != null || MysqlRenderer.isGenerated(Column.of(c.name(), type));
        String def = isGenerated || c.autoIncrement() ? null : MysqlDefaults.normalize(c.defaultValue(), type);
        return new Column(c.name(), type, c.nullable() && !inPrimaryKey, def, c.autoIncrement(),
                blankToNull(c.comment()), null, generated, collation);
    }

    /** The default collation of a character set as MariaDB and MySQL 5.7 pick it (latin1's is Swedish). */
    static String defaultCollation(String charset) {
        String cs = charset.toLowerCase(java.util.Locale.ROOT);
        return cs.equals("binary") ? "binary" : cs.equals("latin1") ? "latin1_swedish_ci" : cs + "_general_ci";
    }

    static Column column(Column c, boolean inPrimaryKey) {
        return column(c, inPrimaryKey, null);
    }

    /** {@code type character set cs [collate co] [rest]} as older files and the introspector once wrote it. */
    private static final java.util.regex.Pattern FOLDED_COLLATION = java.util.regex.Pattern.compile(
            "(.*?) character set (\\w+)(?: collate (\\w+))?( generated always as .*)?");
    private static final java.util.regex.Pattern FOLDED_STORED = java.util.regex.Pattern.compile(
            "(.*?) generated always as \\((.*)\\) (?:stored|persistent)");

    /** A unique index MySQL cannot tell from a UNIQUE constraint: plain ascending columns, no prefix, no method. */
    static boolean isPlainUnique(Index i) {
        return i.unique() && i.where() == null && i.method() == null && isPlain(i);
    }

    private static boolean isPlain(Index i) {
        return i.include().isEmpty() && !i.nullsNotDistinct() && i.columns().stream()
                .allMatch(k -> !k.isExpression() && !k.descending() && k.nulls() == null && k.opclass() == null);
    }

    /** The index InnoDB creates under a foreign key's name when no other index serves it. */
    static boolean isForeignKeyStandIn(Index i, List<ForeignKey> foreignKeys) {
        return !i.unique() && i.where() == null && i.method() == null && i.comment() == null && isPlain(i)
                && foreignKeys.stream().anyMatch(f -> f.name().equals(i.name())
                && i.columns().stream().allMatch(k -> !k.isExpression() && !k.descending())
                && i.columns().stream().map(IndexColumn::name).toList().equals(f.columns()));
    }

    /**
     * True when some index other than the key's stand-in starts with the key's columns in order, so InnoDB needs
     * (and keeps) no index of its own for it.
     */
    static boolean hasServingIndex(Table t, ForeignKey fk) {
        List<List<String>> candidates = new ArrayList<>();
        if (t.primaryKey() != null) {
            candidates.add(t.primaryKey().columns());
        }
        t.uniques().forEach(u -> candidates.add(u.columns()));
        t.indexes().stream().filter(i -> !i.name().equals(fk.name()) && i.where() == null && i.method() == null)
                .forEach(i -> candidates.add(i.columns().stream()
                        .map(k -> k.isExpression() ? "\u0000" : k.name()).toList()));
        return candidates.stream().anyMatch(cols -> cols.size() >= fk.columns().size()
                && cols.subList(0, fk.columns().size()).equals(fk.columns()));
    }

    /** MariaDB adds CHECK (json_valid(`col`)) to every json column; it is part of the type, not a constraint. */
    static boolean isJsonValidCheck(Check c, Set<String> jsonColumns) {
        return jsonColumns.contains(c.name()) && checkExpression(c.expression()).replace(" ", "")
                .equalsIgnoreCase(checkExpression("json_valid(`" + c.name().replace("`", "``") + "`)"));
    }

    /**
     * Strips blanks and the parentheses that wrap the whole predicate (MySQL 8 adds a pair, MariaDB none), and
     * spells names and strings as {@link MysqlExpressions#canonical} does.
     */
    static String checkExpression(String e) {
        String s = MysqlExpressions.canonical(e).strip();
        while (s.startsWith("(") && s.endsWith(")") && closingOfFirst(s) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int closingOfFirst(String s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name)).toList();
    }
}
