package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Statements run as written (an empty list does nothing). {@code reverseSql} undoes them: null means irreversible, an empty list means there is
 * nothing to undo. The schema model does not see what they change, so runners re-read the database after one.
 */
public record RunSQL(List<String> sql, List<String> reverseSql) implements Operation {

    public RunSQL {
        sql = List.copyOf(Preconditions.notNull(sql, "RunSQL.sql"));
        reverseSql = reverseSql == null ? null : List.copyOf(reverseSql);
    }

    public static RunSQL of(String sql, String reverse) {
        return new RunSQL(List.of(sql), reverse == null ? null : List.of(reverse));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return reverseSql == null ? Optional.empty() : Optional.of(new RunSQL(reverseSql, sql));
    }

    @Override
    public String whyIrreversible() {
        return "RunSQL has no reverseSql";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public String describe() {
        if (sql.isEmpty()) {
            return "run SQL: (nothing)";
        }
        String first = sql.get(0).strip().replaceAll("\\s+", " ");
        return "run SQL: " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
    }
}
