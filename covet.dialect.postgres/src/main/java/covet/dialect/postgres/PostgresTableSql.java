package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DDL of one table and of its parts: CREATE TABLE (plain, UNLOGGED, INHERITS, partitioned, a partition),
 * column definitions, constraint clauses and indexes. A NOT VALID constraint cannot be written inside CREATE
 * TABLE, so it follows as an ALTER TABLE. Comments on the table, its columns, indexes and constraints follow as
 * COMMENT ON statements.
 */
final class PostgresTableSql {
    /** The table option keys PostgreSQL tables carry in the model. */
    static final String UNLOGGED = PostgresTableOptions.UNLOGGED;
    static final String INHERITS = PostgresTableOptions.INHERITS;
    static final String WITH = PostgresTableOptions.WITH;
    private static final Set<String> OPTIONS = Set.of(UNLOGGED, INHERITS, WITH);
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    private PostgresTableSql() {
    }

    /**
     * A schema is a Namespace object and a sequence a Sequence object, both created before their tables by
     * CreateObject; {@link #prerequisites} still creates them when missing, for migration files written before the
     * model had them.
     */
    static List<String> createTable(Table t) {
        Map<String, String> options = options(t.name(), t.options());
        List<String> out = new ArrayList<>(prerequisites(t.name(), t.columns()));
        List<String> parts = new ArrayList<>();
        if (t.partitionOf() == null) {
            t.columns().forEach(c -> parts.add(columnDefinition(c)));
        }
        if (t.primaryKey() != null) {
            parts.add(primaryKeyClause(t.primaryKey()));
        }
        t.uniques().forEach(u -> parts.add(uniqueClause(u)));
        t.checks().stream().filter(c -> !c.notValid()).forEach(c -> parts.add(checkClause(c)));
        t.foreignKeys().stream().filter(f -> !f.notValid()).forEach(f -> parts.add(foreignKeyClause(f)));
        t.exclusions().forEach(e -> parts.add(exclusionClause(e)));

        StringBuilder b = new StringBuilder("CREATE ");
        if ("true".equals(options.get(UNLOGGED))) {
            b.append("UNLOGGED ");
        }
        b.append("TABLE ").append(table(t.name()));
        if (t.partitionOf() != null) {
            b.append(" PARTITION OF ").append(table(t.partitionOf().parent()));
            if (!parts.isEmpty()) {
                b.append(" (\n    ").append(String.join(",\n    ", parts)).append("\n)");
            }
            b.append(' ').append(t.partitionOf().bound());
        } else {
            b.append(" (\n    ").append(String.join(",\n    ", parts)).append("\n)");
            List<String> parents = list(options.get(INHERITS));
            if (!parents.isEmpty()) {
                b.append(" INHERITS (").append(parents.stream().map(PostgresNames::table)
                        .collect(Collectors.joining(", "))).append(')');
            }
        }
        if (t.partitionBy() != null) {
            b.append(" PARTITION BY ").append(t.partitionBy());
        }
        Map<String, String> with = storageParameters(options.get(WITH));
        if (!with.isEmpty()) {
            b.append(" WITH (").append(assignments(with)).append(')');
        }
        out.add(b.toString());
        t.checks().stream().filter(Check::notValid)
                .forEach(c -> out.add(PostgresRenderer.alterTable(t.name()) + "ADD " + checkClause(c)));
        t.foreignKeys().stream().filter(ForeignKey::notValid)
                .forEach(f -> out.add(PostgresRenderer.alterTable(t.name()) + "ADD " + foreignKeyClause(f)));
        t.indexes().forEach(i -> out.addAll(index(t.name(), i)));
        out.addAll(constraintComments(t));
        if (t.comment() != null) {
            out.add("COMMENT ON TABLE " + table(t.name()) + " IS " + literal(t.comment()));
        }
        t.columns().stream().filter(c -> c.comment() != null).forEach(c -> out.add(columnComment(t.name(), c)));
        return out;
    }

    /**
     * The options in their one spelling ({@link PostgresTableOptions}); a key PostgreSQL does not have would be
     * dropped silently, so it is refused instead.
     */
    static Map<String, String> options(String tableName, Map<String, String> options) {
        Map<String, String> normal = PostgresTableOptions.normalize(options);
        for (String key : normal.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("postgresql: table '" + tableName + "' has the option '" + key
                        + "', which PostgreSQL tables do not have (options: inherits, unlogged, with)");
            }
        }
        return normal;
    }

    /**
     * What a table or column written by an earlier Covet needs before it can exist: its schema, and the sequence a
     * {@code nextval} default names. Format-1 migration files hold no Namespace or Sequence objects, so the first
     * release created them here; {@code IF NOT EXISTS} makes this a no-op when CreateObject made them first.
     */
    static List<String> prerequisites(String tableName, List<Column> columns) {
        List<String> out = new ArrayList<>();
        String schema = PostgresNames.schemaOf(tableName);
        if (schema != null) {
            out.add("CREATE SCHEMA IF NOT EXISTS " + PostgresNames.quote(schema));
        }
        for (Column c : columns) {
            String sequence = c.autoIncrement() ? null : PostgresDefaults.nextvalSequence(c.defaultValue());
            if (sequence != null) {
                // the text inside nextval('...') is already an SQL name, quoted where it needs to be
                out.add("CREATE SEQUENCE IF NOT EXISTS " + sequence);
            }
        }
        return out;
    }

    static String columnDefinition(Column c) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ').append(PostgresTypes.toSql(c.type()));
        if (c.collation() != null) {
            b.append(" COLLATE ").append(table(c.collation()));
        }
        if (c.autoIncrement()) {
            requireIntegral(c);
            b.append(" GENERATED ").append(identityKind(c)).append(" AS IDENTITY");
        }
        if (c.generated() != null) {
            b.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        }
        if (!c.nullable()) {
            b.append(" NOT NULL");
        }
        if (c.defaultValue() != null && !c.autoIncrement()) {
            b.append(" DEFAULT ").append(c.defaultValue());
        }
        return b.toString();
    }

    /** {@code ALWAYS} or {@code BY DEFAULT}; an auto-increment column without identity is BY DEFAULT. */
    static String identityKind(Column c) {
        return c.identity() == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
    }

    static void requireIntegral(Column c) {
        if (!PostgresTypes.isIntegral(c.type())) {
            throw new IllegalArgumentException("postgresql: auto-increment column '" + c.name()
                    + "' must be smallint, integer or bigint, not " + c.type().spelling());
        }
    }

    static String columnComment(String tableName, Column c) {
        return "COMMENT ON COLUMN " + table(tableName) + "." + quote(c.name()) + " IS "
                + (c.comment() == null ? "NULL" : literal(c.comment()));
    }

    /** CREATE INDEX, then its comment if it has one. */
    static List<String> index(String tableName, Index i) {
        return i.comment() == null ? List.of(createIndex(tableName, i))
                : List.of(createIndex(tableName, i), indexComment(tableName, i.name(), i.comment()));
    }

    /** The index lives in its table's schema; a null comment removes it. */
    static String indexComment(String tableName, String indexName, String comment) {
        return "COMMENT ON INDEX " + PostgresNames.inSchemaOf(tableName, indexName) + " IS "
                + (comment == null ? "NULL" : literal(comment));
    }

    /** A null comment removes it. */
    static String constraintComment(String tableName, String constraintName, String comment) {
        return "COMMENT ON CONSTRAINT " + quote(constraintName) + " ON " + table(tableName) + " IS "
                + (comment == null ? "NULL" : literal(comment));
    }

    /** {@code ALTER TABLE ... ADD} a constraint, then its comment if it has one. */
    static List<String> addConstraint(String tableName, String clause, String constraintName, String comment) {
        String add = PostgresRenderer.alterTable(tableName) + "ADD " + clause;
        return comment == null ? List.of(add) : List.of(add, constraintComment(tableName, constraintName, comment));
    }

    /** The primary key's name: an unnamed one is the {@code <table>_pkey} the server gives it. */
    static String primaryKeyName(String tableName, PrimaryKey pk) {
        return pk.name() != null ? pk.name()
                : PostgresNames.generated(PostgresNames.localName(tableName), null, "pkey");
    }

    /** The comments of the constraints CREATE TABLE (and the ALTER TABLEs after it) made. */
    private static List<String> constraintComments(Table t) {
        List<String> out = new ArrayList<>();
        if (t.primaryKey() != null && t.primaryKey().comment() != null) {
            out.add(constraintComment(t.name(), primaryKeyName(t.name(), t.primaryKey()), t.primaryKey().comment()));
        }
        t.uniques().stream().filter(u -> u.comment() != null)
                .forEach(u -> out.add(constraintComment(t.name(), u.name(), u.comment())));
        t.checks().stream().filter(c -> c.comment() != null)
                .forEach(c -> out.add(constraintComment(t.name(), c.name(), c.comment())));
        t.foreignKeys().stream().filter(f -> f.comment() != null)
                .forEach(f -> out.add(constraintComment(t.name(), f.name(), f.comment())));
        t.exclusions().stream().filter(x -> x.comment() != null)
                .forEach(x -> out.add(constraintComment(t.name(), x.name(), x.comment())));
        return out;
    }

    static String createIndex(String tableName, Index i) {
        StringBuilder b = new StringBuilder("CREATE ").append(i.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(quote(i.name())).append(" ON ").append(table(tableName));
        if (i.method() != null) {
            b.append(" USING ").append(word(i.method()));
        }
        b.append(" (").append(i.columns().stream().map(PostgresTableSql::indexKey).collect(Collectors.joining(", ")))
                .append(')');
        if (!i.include().isEmpty()) {
            b.append(" INCLUDE (").append(PostgresRenderer.names(i.include())).append(')');
        }
        if (i.nullsNotDistinct()) {
            b.append(" NULLS NOT DISTINCT");
        }
        if (i.where() != null) {
            b.append(" WHERE ").append(i.where());
        }
        return b.toString();
    }

    private static String indexKey(IndexColumn k) {
        StringBuilder b = new StringBuilder(k.isExpression() ? "(" + k.expression() + ")" : quote(k.name()));
        if (k.opclass() != null) {
            b.append(' ').append(table(k.opclass()));
        }
        if (k.descending()) {
            b.append(" DESC");
        }
        if (k.nulls() != null) {
            b.append(" NULLS ").append(k.nulls().equals("first") ? "FIRST" : "LAST");
        }
        return b.toString();
    }

    /** An access method or keyword-like name: bare when it is a plain lower-case word, quoted otherwise. */
    static String word(String name) {
        return PLAIN.matcher(name).matches() ? name : quote(name);
    }

    static String primaryKeyClause(PrimaryKey pk) {
        return constraintPrefix(pk.name()) + "PRIMARY KEY (" + PostgresRenderer.names(pk.columns()) + ")";
    }

    static String uniqueClause(UniqueConstraint u) {
        return constraintPrefix(u.name()) + "UNIQUE " + (u.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "("
                + PostgresRenderer.names(u.columns()) + ")" + timing(u.deferrable(), u.initiallyDeferred());
    }

    static String checkClause(Check c) {
        return constraintPrefix(c.name()) + "CHECK (" + c.expression() + ")" + (c.notValid() ? " NOT VALID" : "");
    }

    static String exclusionClause(Exclusion e) {
        return constraintPrefix(e.name()) + e.definition();
    }

    static String foreignKeyClause(ForeignKey f) {
        StringBuilder b = new StringBuilder(constraintPrefix(f.name())).append("FOREIGN KEY (")
                .append(PostgresRenderer.names(f.columns())).append(") REFERENCES ").append(table(f.referencedTable()))
                .append(" (").append(PostgresRenderer.names(f.referencedColumns())).append(')');
        if (f.onDelete() != ReferentialAction.NO_ACTION) {
            b.append(" ON DELETE ").append(f.onDelete().sql());
            if (!f.onDeleteSetColumns().isEmpty()) {
                // PostgreSQL 15+: only these of the referencing columns are set
                b.append(" (").append(PostgresRenderer.names(f.onDeleteSetColumns())).append(')');
            }
        }
        if (f.onUpdate() != ReferentialAction.NO_ACTION) {
            b.append(" ON UPDATE ").append(f.onUpdate().sql());
        }
        b.append(timing(f.deferrable(), f.initiallyDeferred()));
        if (f.notValid()) {
            b.append(" NOT VALID");
        }
        return b.toString();
    }

    private static String timing(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? "" : initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    static String constraintPrefix(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
    }

    /** The parents of an INHERITS child, or any comma-separated option value, as a list. */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code fillfactor=70,autovacuum_enabled=false} as an ordered map. */
    static Map<String, String> storageParameters(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : list(value)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("postgresql: storage parameter '" + part
                        + "' is not name=value");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    /** {@code fillfactor=70, autovacuum_enabled=false}: a value other than a plain word is a string literal. */
    static String assignments(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> parameterName(e.getKey()) + "="
                        + (PLAIN_VALUE.matcher(e.getValue()).matches() ? e.getValue() : literal(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    /** {@code toast.autovacuum_enabled} keeps its dot; each part is a plain name. */
    static String parameterName(String name) {
        return List.of(name.split("\\.", -1)).stream().map(PostgresTableSql::word).collect(Collectors.joining("."));
    }
}
