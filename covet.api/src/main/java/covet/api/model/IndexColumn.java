package covet.api.model;

import covet.api.Preconditions;

/**
 * One key part of an index: a column, or an SQL expression where the database indexes expressions; its order,
 * where nulls sort ({@code first}, {@code last}, or null for the database's default for that order) and its
 * operator class (null for the type's default).
 */
public record IndexColumn(String name, String expression, boolean descending, String nulls, String opclass) {

    public IndexColumn {
        Preconditions.check((name == null) != (expression == null),
                "an index key part names either a column or an expression, not both or neither");
        Preconditions.check(nulls == null || nulls.equals("first") || nulls.equals("last"),
                "nulls of an index key part is first or last, not '" + nulls + "'");
    }

    public IndexColumn(String name, String expression, boolean descending) {
        this(name, expression, descending, null, null);
    }

    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, false);
    }

    public static IndexColumn expression(String sql) {
        return new IndexColumn(null, sql, false);
    }

    /** The same key part on another column, keeping order, nulls and operator class. */
    public IndexColumn withName(String column) {
        return new IndexColumn(column, null, descending, nulls, opclass);
    }

    public boolean isExpression() {
        return expression != null;
    }
}
