package covet.engine.optimize;

import covet.api.model.Column;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.operation.AddColumn;
import covet.api.operation.CreateTable;
import java.util.ArrayList;
import java.util.List;

/** Small builders for optimizer tests. */
final class Ops {
    private Ops() {
    }

    static Column col(String name) {
        return Column.of(name, "integer");
    }

    static Column text(String name) {
        return Column.of(name, "text");
    }

    static Table table(String name, String... columns) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("id").notNull());
        for (String c : columns) {
            cols.add(col(c));
        }
        return Table.of(name, cols, PrimaryKey.of("id"));
    }

    static CreateTable create(String name, String... columns) {
        return new CreateTable(table(name, columns));
    }

    static AddColumn add(String table, String column) {
        return new AddColumn(table, col(column));
    }
}
