package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A foreign key. Missing actions mean NO ACTION. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKey {
        Preconditions.notBlank(name, "foreign key name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of foreign key '" + name + "'"));
        Preconditions.notBlank(referencedTable, "referenced table of foreign key '" + name + "'");
        referencedColumns = List.copyOf(Preconditions.notEmpty(referencedColumns,
                "referenced columns of foreign key '" + name + "'"));
        Preconditions.check(columns.size() == referencedColumns.size(),
                "foreign key '" + name + "' has " + columns.size() + " columns but references "
                        + referencedColumns.size());
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }

    public static ForeignKey of(String name, String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(name, List.of(column), referencedTable, List.of(referencedColumn), null, null);
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate);
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action);
    }
}
