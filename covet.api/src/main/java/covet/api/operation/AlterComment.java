package covet.api.operation;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets or removes, in place, the comment of one index or constraint of a table: the index or constraint itself is
 * left as it is (no index rebuild, no constraint re-validation, no foreign key dropped around a key). A null
 * comment is none. {@code target} says what {@code name} names; for the primary key {@code name} may be null, which
 * means the table's primary key whatever the database called it. Always reversible: the previous comment is part
 * of the operation.
 */
public record AlterComment(String table, Target target, String name, String comment, String previousComment)
        implements Operation {

    /** What carries the comment. */
    public enum Target {
        INDEX, PRIMARY_KEY, CONSTRAINT;

        /** The spelling in migration files: {@code index}, {@code primary_key}, {@code constraint}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Target fromSpelling(String spelling) {
            for (Target t : values()) {
                if (t.spelling().equals(spelling)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown comment target '" + spelling
                    + "' (known: index, primary_key, constraint)");
        }
    }

    public AlterComment {
        Preconditions.notBlank(table, "AlterComment.table");
        Preconditions.notNull(target, "AlterComment.target");
        Preconditions.check(target == Target.PRIMARY_KEY || name != null && !name.isBlank(),
                "AlterComment.name is required for " + target.spelling() + " comments");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new AlterComment(table, target, name, previousComment, comment));
    }

    /**
     * A constraint is looked for among the unique constraints, checks, foreign keys and exclusion constraints, and
     * a named primary key.
     */
    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, this::applyTo);
    }

    private Table applyTo(Table t) {
        // a switch expression: the compiler checks that every target is handled
        return switch (target) {
            case INDEX -> index(t);
            case PRIMARY_KEY -> primaryKey(t);
            case CONSTRAINT -> constraint(t);
        };
    }

    private Table index(Table t) {
        t.index(name).orElseThrow(() -> Lists.missing(table, "index", name));
        return t.withIndexes(t.indexes().stream()
                .map(i -> i.name().equals(name) ? i.withComment(comment) : i).toList());
    }

    private Table primaryKey(Table t) {
        if (t.primaryKey() == null || name != null && t.primaryKey().name() != null
                && !t.primaryKey().name().equals(name)) {
            throw new SchemaStateException("table '" + table + "' has no primary key"
                    + (name == null ? "" : " '" + name + "'"));
        }
        return t.withPrimaryKey(t.primaryKey().withComment(comment));
    }

    private Table constraint(Table t) {
        boolean found = t.uniques().stream().anyMatch(u -> u.name().equals(name))
                || t.checks().stream().anyMatch(c -> c.name().equals(name))
                || t.foreignKeys().stream().anyMatch(f -> f.name().equals(name))
                || t.exclusions().stream().anyMatch(x -> x.name().equals(name));
        boolean key = t.primaryKey() != null && name.equals(t.primaryKey().name());
        if (!found && !key) {
            throw Lists.missing(table, "constraint", name);
        }
        return t.withPrimaryKey(key ? t.primaryKey().withComment(comment) : t.primaryKey())
                .withUniques(t.uniques().stream().map(u -> u.name().equals(name) ? u.withComment(comment) : u)
                        .toList())
                .withChecks(t.checks().stream().map(c -> c.name().equals(name) ? c.withComment(comment) : c)
                        .toList())
                .withForeignKeys(t.foreignKeys().stream()
                        .map(f -> f.name().equals(name) ? f.withComment(comment) : f).toList())
                .withExclusions(t.exclusions().stream()
                        .map(x -> x.name().equals(name) ? x.withComment(comment) : x).toList());
    }

    /** True when the comment changes (an operation written by hand may set the one already there). */
    public boolean changesComment() {
        return !Objects.equals(comment, previousComment);
    }

    @Override
    public String describe() {
        String what = switch (target) {
            case INDEX -> "index " + name;
            case PRIMARY_KEY -> "primary key" + (name == null ? "" : " " + name);
            case CONSTRAINT -> "constraint " + name;
        };
        return (comment == null ? "remove comment on " : "comment on ") + what + " of " + table;
    }
}
