package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.operation.AlterTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statements of one AlterTable: the comment, then the options that differ (persistence, storage parameters
 * set or reset, parents inherited or no longer). Without previous options every given option is set; a parameter
 * or parent that was there before cannot be known, so nothing is reset.
 */
final class PostgresTableSettings {

    private PostgresTableSettings() {
    }

    static List<String> statements(AlterTable op) {
        Map<String, String> options = PostgresTableSql.options(op.table(), op.options());
        List<String> out = new ArrayList<>();
        if (op.changesComment()) {
            out.add("COMMENT ON TABLE " + table(op.table()) + " IS "
                    + (op.comment() == null ? "NULL" : literal(op.comment())));
        }
        Map<String, String> before = op.previousOptions() == null ? Map.of()
                : PostgresTableOptions.normalize(op.previousOptions());
        String alter = PostgresRenderer.alterTable(op.table());

        boolean unlogged = "true".equals(options.get(PostgresTableSql.UNLOGGED));
        if (op.previousOptions() == null || unlogged != "true".equals(before.get(PostgresTableSql.UNLOGGED))) {
            out.add(alter + (unlogged ? "SET UNLOGGED" : "SET LOGGED"));
        }

        Map<String, String> with = PostgresTableSql.storageParameters(options.get(PostgresTableSql.WITH));
        Map<String, String> withBefore = PostgresTableSql.storageParameters(before.get(PostgresTableSql.WITH));
        Map<String, String> set = new java.util.LinkedHashMap<>();
        with.forEach((k, v) -> {
            if (!Objects.equals(withBefore.get(k), v)) {
                set.put(k, v);
            }
        });
        List<String> reset = withBefore.keySet().stream().filter(k -> !with.containsKey(k)).toList();
        if (!reset.isEmpty()) {
            out.add(alter + "RESET (" + String.join(", ", reset.stream().map(PostgresTableSql::parameterName)
                    .toList()) + ")");
        }
        if (!set.isEmpty()) {
            out.add(alter + "SET (" + PostgresTableSql.assignments(set) + ")");
        }

        List<String> parents = PostgresTableSql.list(options.get(PostgresTableSql.INHERITS));
        List<String> parentsBefore = PostgresTableSql.list(before.get(PostgresTableSql.INHERITS));
        parentsBefore.stream().filter(p -> !parents.contains(p)).forEach(p -> out.add(alter + "NO INHERIT "
                + table(p)));
        parents.stream().filter(p -> !parentsBefore.contains(p)).forEach(p -> out.add(alter + "INHERIT "
                + table(p)));
        return out;
    }
}
