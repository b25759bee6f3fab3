package covet.api.sql;

import covet.api.Preconditions;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Builds the plain DML the engine needs (history rows) with bind parameters for every value and identifiers quoted
 * by the dialect's own rule, so that no caller pastes names or values into SQL.
 */
public final class SqlBuilder {
    private final UnaryOperator<String> quote;

    public SqlBuilder(UnaryOperator<String> quote) {
        this.quote = Preconditions.notNull(quote, "quoting rule");
    }

    public String quote(String identifier) {
        return quote.apply(identifier);
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}. */
    public String insert(String table, List<String> columns) {
        return "INSERT INTO " + quote(table) + " (" + names(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * {@code INSERT INTO t (a, b) VALUES (x, y)} with SQL value expressions, for scripts printed rather than run;
     * make string values with {@link #literal(String)}.
     */
    public String insertValues(String table, List<String> columns, List<String> values) {
        Preconditions.check(columns.size() == values.size(), "as many values as columns");
        return "INSERT INTO " + quote(table) + " (" + names(columns) + ") VALUES (" + String.join(", ", values) + ")";
    }

    /** {@code DELETE FROM t WHERE a = x AND ...} with SQL value expressions, for printed scripts. */
    public String deleteValues(String table, List<String> columns, List<String> values) {
        Preconditions.check(columns.size() == values.size(), "as many values as columns");
        StringBuilder b = new StringBuilder("DELETE FROM ").append(quote(table)).append(" WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i > 0 ? " AND " : "").append(quote(columns.get(i))).append(" = ").append(values.get(i));
        }
        return b.toString();
    }

    /**
     * {@code UPDATE t SET a = x, ... WHERE k = y AND ...} with SQL value expressions, for printed scripts; values
     * made by the dialect's own literal quoting.
     */
    public String updateValues(String table, List<String> set, List<String> setValues, List<String> where,
                               List<String> whereValues) {
        Preconditions.check(set.size() == setValues.size() && where.size() == whereValues.size(),
                "as many values as columns");
        StringBuilder b = new StringBuilder("UPDATE ").append(quote(table)).append(" SET ");
        for (int i = 0; i < set.size(); i++) {
            b.append(i > 0 ? ", " : "").append(quote(set.get(i))).append(" = ").append(setValues.get(i));
        }
        b.append(" WHERE ");
        for (int i = 0; i < where.size(); i++) {
            b.append(i > 0 ? " AND " : "").append(quote(where.get(i))).append(" = ").append(whereValues.get(i));
        }
        return b.toString();
    }

    /** A standard SQL string literal: single quotes, embedded quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code SELECT a, b FROM t [WHERE w1 = ? AND ...] [ORDER BY o]}. */
    public String select(String table, List<String> columns, List<String> where, List<String> orderBy) {
        StringBuilder b = new StringBuilder("SELECT ").append(names(columns)).append(" FROM ").append(quote(table));
        appendWhere(b, where);
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ").append(names(orderBy));
        }
        return b.toString();
    }

    /**
     * {@code SELECT * FROM t ORDER BY o}: every column the table has, for a reader that must also work on a table
     * created before a column was added (the reader finds the columns in the result's metadata).
     */
    public String selectAll(String table, List<String> orderBy) {
        StringBuilder b = new StringBuilder("SELECT * FROM ").append(quote(table));
        if (!orderBy.isEmpty()) {
            b.append(" ORDER BY ").append(names(orderBy));
        }
        return b.toString();
    }

    /** {@code UPDATE t SET a = ?, b = ? WHERE w1 = ? AND ...}. */
    public String update(String table, List<String> set, List<String> where) {
        StringBuilder b = new StringBuilder("UPDATE ").append(quote(table)).append(" SET ")
                .append(set.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(", ")));
        appendWhere(b, where);
        return b.toString();
    }

    /** {@code DELETE FROM t WHERE w1 = ? AND ...}. */
    public String delete(String table, List<String> where) {
        StringBuilder b = new StringBuilder("DELETE FROM ").append(quote(table));
        appendWhere(b, where);
        return b.toString();
    }

    private void appendWhere(StringBuilder b, List<String> where) {
        if (!where.isEmpty()) {
            b.append(" WHERE ").append(where.stream().map(c -> quote(c) + " = ?")
                    .collect(Collectors.joining(" AND ")));
        }
    }

    private String names(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }
}
