package covet.dialect.sqlite;

import java.util.List;

/** One table's rows from the catalog queries, before they become a {@link covet.api.model.Table}. */
record SqliteCatalogRows(String table, String sql, List<ColumnRow> columns, List<IndexRow> indexKeys,
                         List<ForeignKeyRow> foreignKeys) {

    record ColumnRow(int cid, String name, String type, boolean notNull, String defaultValue, int pk, int hidden) {
    }

    record IndexRow(String index, boolean unique, String origin, boolean partial, int seqno, int cid, String column,
                    boolean descending, String sql) {
    }

    record ForeignKeyRow(int id, int seq, String referencedTable, String column, String referencedColumn,
                         String onUpdate, String onDelete) {
    }
}
