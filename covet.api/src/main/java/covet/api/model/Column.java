package covet.api.model;

import covet.api.Preconditions;

/**
 * One column. {@code defaultValue} is an SQL expression as the database would take it ({@code 0},
 * {@code 'draft'}, {@code CURRENT_TIMESTAMP}), or null for none.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean autoIncrement,
                     String comment) {

    public Column {
        Preconditions.notBlank(name, "column name");
        Preconditions.notNull(type, "type of column '" + name + "'");
    }

    /** A nullable column without default. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, null, false, null);
    }

    public static Column of(String name, String type) {
        return of(name, ColumnType.parse(type));
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, autoIncrement, comment);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultValue, autoIncrement, comment);
    }

    public Column withNullable(boolean isNullable) {
        return new Column(name, type, isNullable, defaultValue, autoIncrement, comment);
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, autoIncrement, comment);
    }

    public Column withAutoIncrement(boolean auto) {
        return new Column(name, type, nullable, defaultValue, auto, comment);
    }

    public Column withComment(String text) {
        return new Column(name, type, nullable, defaultValue, autoIncrement, text);
    }

    public Column notNull() {
        return withNullable(false);
    }
}
