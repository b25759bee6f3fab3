package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CREATE and ALTER SEQUENCE. A null option is the database's default: left out of CREATE, and restored by ALTER
 * ({@code NO MINVALUE}, {@code INCREMENT BY 1}, ...). ALTER's START WITH only records the start (RESTART is what
 * moves the current value, and the model does not hold it).
 */
final class PostgresSequences {

    private PostgresSequences() {
    }

    static String create(Sequence s) {
        StringBuilder b = new StringBuilder("CREATE SEQUENCE ").append(table(s.name()));
        if (s.dataType() != null) {
            b.append(" AS ").append(s.dataType());
        }
        if (s.increment() != null) {
            b.append(" INCREMENT BY ").append(s.increment());
        }
        if (s.minValue() != null) {
            b.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != null) {
            b.append(" MAXVALUE ").append(s.maxValue());
        }
        if (s.start() != null) {
            b.append(" START WITH ").append(s.start());
        }
        if (s.cache() != null) {
            b.append(" CACHE ").append(s.cache());
        }
        if (s.cycle()) {
            b.append(" CYCLE");
        }
        if (s.ownedBy() != null) {
            b.append(" OWNED BY ").append(ownedBy(s.ownedBy()));
        }
        return b.toString();
    }

    /** The options that differ, in one ALTER SEQUENCE; every option when the previous state is unknown. */
    static List<String> alter(Sequence s, Sequence before) {
        List<String> clauses = new ArrayList<>();
        boolean all = before == null;
        if (all || !Objects.equals(before.dataType(), s.dataType())) {
            clauses.add("AS " + (s.dataType() == null ? "bigint" : s.dataType()));
        }
        if (all || !Objects.equals(before.increment(), s.increment())) {
            clauses.add("INCREMENT BY " + (s.increment() == null ? 1 : s.increment()));
        }
        if (all || !Objects.equals(before.minValue(), s.minValue())) {
            clauses.add(s.minValue() == null ? "NO MINVALUE" : "MINVALUE " + s.minValue());
        }
        if (all || !Objects.equals(before.maxValue(), s.maxValue())) {
            clauses.add(s.maxValue() == null ? "NO MAXVALUE" : "MAXVALUE " + s.maxValue());
        }
        if (all || !Objects.equals(before.start(), s.start())) {
            clauses.add("START WITH " + (s.start() != null ? s.start() : defaultStart(s)));
        }
        if (all || !Objects.equals(before.cache(), s.cache())) {
            clauses.add("CACHE " + (s.cache() == null ? 1 : s.cache()));
        }
        if (all || before.cycle() != s.cycle()) {
            clauses.add(s.cycle() ? "CYCLE" : "NO CYCLE");
        }
        if (all || !Objects.equals(before.ownedBy(), s.ownedBy())) {
            clauses.add("OWNED BY " + (s.ownedBy() == null ? "NONE" : ownedBy(s.ownedBy())));
        }
        return clauses.isEmpty() ? List.of()
                : List.of("ALTER SEQUENCE " + table(s.name()) + " " + String.join(" ", clauses));
    }

    /** The minimum of an ascending sequence, the maximum of a descending one (PostgreSQL's rule). */
    private static long defaultStart(Sequence s) {
        boolean ascending = s.increment() == null || s.increment() > 0;
        if (ascending) {
            return s.minValue() == null ? 1 : s.minValue();
        }
        return s.maxValue() == null ? -1 : s.maxValue();
    }

    /** {@code table.column} (the table possibly schema-qualified) as {@code "schema"."table"."column"}. */
    static String ownedBy(String column) {
        int dot = column.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("postgresql: a sequence is owned by table.column, not '" + column
                    + "'");
        }
        return table(column.substring(0, dot)) + "." + quote(column.substring(dot + 1));
    }
}
