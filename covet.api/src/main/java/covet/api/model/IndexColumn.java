package covet.api.model;

import covet.api.Preconditions;

/** One key part of an index: a column, or an SQL expression where the database indexes expressions. */
public record IndexColumn(String name, String expression, boolean descending) {

    public IndexColumn {
        Preconditions.check((name == null) != (expression == null),
                "an index key part names either a column or an expression, not both or neither");
    }

    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, false);
    }

    public static IndexColumn expression(String sql) {
        return new IndexColumn(null, sql, false);
    }

    public boolean isExpression() {
        return expression != null;
    }
}
