package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A foreign key. Missing actions mean NO ACTION. {@code deferrable} and {@code initiallyDeferred} say when it is
 * checked; {@code notValid} that existing rows were not checked when it was added (PostgreSQL's NOT VALID).
 * {@code onDeleteSetColumns} narrows ON DELETE SET NULL / SET DEFAULT to some of the referencing columns
 * (PostgreSQL 15's {@code SET NULL (a)}); empty means all of them, the SQL default. {@code comment} null for none.
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
                         boolean initiallyDeferred, boolean notValid, List<String> onDeleteSetColumns,
                         String comment) {

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
        onDeleteSetColumns = onDeleteSetColumns == null ? List.of() : List.copyOf(onDeleteSetColumns);
        Preconditions.check(onDeleteSetColumns.isEmpty() || onDelete == ReferentialAction.SET_NULL
                        || onDelete == ReferentialAction.SET_DEFAULT,
                "foreign key '" + name + "' lists columns to set on delete but its action is " + onDelete.sql());
        Preconditions.check(columns.containsAll(onDeleteSetColumns),
                "foreign key '" + name + "' sets columns " + onDeleteSetColumns + " on delete that are not among "
                        + columns);
    }

    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
                      boolean initiallyDeferred, boolean notValid) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable, initiallyDeferred,
                notValid, null, null);
    }

    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, false, false, false, null,
                null);
    }

    public static ForeignKey of(String name, String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(name, List.of(column), referencedTable, List.of(referencedColumn), null, null);
    }

    /** The same key with another ON DELETE action; columns to set are kept only while the action sets some. */
    public ForeignKey onDelete(ReferentialAction action) {
        boolean sets = action == ReferentialAction.SET_NULL || action == ReferentialAction.SET_DEFAULT;
        return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate, deferrable,
                initiallyDeferred, notValid, sets ? onDeleteSetColumns : null, comment);
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action, deferrable,
                initiallyDeferred, notValid, onDeleteSetColumns, comment);
    }

    /**
     * The same key over other columns or to another table, keeping actions, timing and comment; the columns to
     * set on delete follow their position in {@code columns} (a rename renames them too).
     */
    public ForeignKey withColumns(List<String> newColumns, String newReferencedTable, List<String> newReferenced) {
        List<String> newSet = onDeleteSetColumns;
        if (newColumns.size() == columns.size()) {
            newSet = onDeleteSetColumns.stream().map(c -> newColumns.get(columns.indexOf(c))).toList();
        }
        return new ForeignKey(name, newColumns, newReferencedTable, newReferenced, onDelete, onUpdate, deferrable,
                initiallyDeferred, notValid, newSet, comment);
    }

    public ForeignKey withTiming(boolean isDeferrable, boolean isInitiallyDeferred) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, isDeferrable,
                isInitiallyDeferred, notValid, onDeleteSetColumns, comment);
    }

    public ForeignKey withNotValid(boolean isNotValid) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, isNotValid, onDeleteSetColumns, comment);
    }

    public ForeignKey withOnDeleteSetColumns(List<String> newSetColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, notValid, newSetColumns, comment);
    }

    public ForeignKey withComment(String newComment) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, notValid, onDeleteSetColumns, newComment);
    }
}
