package covet.api.model;

import covet.api.Preconditions;

/**
 * One column. {@code defaultValue} is an SQL expression as the database would take it ({@code 0},
 * {@code 'draft'}, {@code CURRENT_TIMESTAMP}), or null for none. {@code identity} refines an auto-increment
 * column where the database distinguishes ALWAYS from BY DEFAULT (null: the database's ordinary auto-increment).
 * {@code generated} is the expression of a stored generated column, as the database renders it; {@code collation}
 * the column's own collation, or null for the default.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean autoIncrement,
                     String comment, Identity identity, String generated, String collation) {

    public Column {
        Preconditions.notBlank(name, "column name");
        Preconditions.notNull(type, "type of column '" + name + "'");
        Preconditions.check(identity == null || autoIncrement,
                "column '" + name + "' has an identity but is not auto-increment");
        Preconditions.check(generated == null || (defaultValue == null && !autoIncrement),
                "column '" + name + "' is generated and cannot also have a default or be auto-increment");
    }

    public Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean autoIncrement,
                  String comment) {
        this(name, type, nullable, defaultValue, autoIncrement, comment, null, null, null);
    }

    /** A nullable column without default. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, null, false, null);
    }

    public static Column of(String name, String type) {
        return of(name, ColumnType.parse(type));
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, autoIncrement, comment, identity, generated,
                collation);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultValue, autoIncrement, comment, identity, generated,
                collation);
    }

    public Column withNullable(boolean isNullable) {
        return new Column(name, type, isNullable, defaultValue, autoIncrement, comment, identity, generated,
                collation);
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, autoIncrement, comment, identity, generated, collation);
    }

    /** Turning auto-increment off also drops the identity refinement, which only applies to it. */
    public Column withAutoIncrement(boolean auto) {
        return new Column(name, type, nullable, defaultValue, auto, comment, auto ? identity : null, generated,
                collation);
    }

    public Column withComment(String text) {
        return new Column(name, type, nullable, defaultValue, autoIncrement, text, identity, generated, collation);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, autoIncrement, comment, newIdentity, generated,
                collation);
    }

    public Column withGenerated(String expression) {
        return new Column(name, type, nullable, defaultValue, autoIncrement, comment, identity, expression,
                collation);
    }

    public Column withCollation(String newCollation) {
        return new Column(name, type, nullable, defaultValue, autoIncrement, comment, identity, generated,
                newCollation);
    }

    public Column notNull() {
        return withNullable(false);
    }
}
