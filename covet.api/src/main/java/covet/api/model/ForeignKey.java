package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A foreign key. Missing actions mean NO ACTION. {@code deferrable} and {@code initiallyDeferred} say when it is
 * checked; {@code notValid} that existing rows were not checked when it was added (PostgreSQL's NOT VALID).
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
                         boolean initiallyDeferred, boolean notValid) {

    public ForeignKey {
        Preconditions.notBlank(name, "foreign key name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of foreign key '" + name + "'"));
        Preconditions.notBlank(referencedTable, "referenced table of foreign key '" + name + "'");
        referencedColumns = List.copyOf(Preconditions.notEmpty(referencedColumns,
                "referenced columns of foreign key '" + name + "'"));
        Preconditions.check(columns.size() == referencedColumns.size(),
                "foreign key '" + name + "' has " + columns.size() + " columns but references "
                        + referencedColumns.size());
        Preconditions.check(!initiallyDeferred || deferrable,
                "foreign key '" + name + "' is initially deferred but not deferrable");
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }

    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, false, false, false);
    }

    public static ForeignKey of(String name, String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(name, List.of(column), referencedTable, List.of(referencedColumn), null, null);
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate, deferrable,
                initiallyDeferred, notValid);
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action, deferrable,
                initiallyDeferred, notValid);
    }

    /** The same key over other columns or to another table, keeping actions and timing. */
    public ForeignKey withColumns(List<String> newColumns, String newReferencedTable, List<String> newReferenced) {
        return new ForeignKey(name, newColumns, newReferencedTable, newReferenced, onDelete, onUpdate, deferrable,
                initiallyDeferred, notValid);
    }

    public ForeignKey withTiming(boolean isDeferrable, boolean isInitiallyDeferred) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, isDeferrable,
                isInitiallyDeferred, notValid);
    }

    public ForeignKey withNotValid(boolean isNotValid) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, isNotValid);
    }
}
