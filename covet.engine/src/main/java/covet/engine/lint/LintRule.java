package covet.engine.lint;

import java.util.Optional;

/**
 * Every rule the linter knows: its id (what {@code --allow} names), its default severity, and what it catches.
 * Ids are grouped by what goes wrong: {@code data-loss/...}, {@code existing-rows/...} (the operation fails when the
 * table already holds rows that do not fit), {@code dependency/...} (the operation fails, or breaks, because other
 * objects need what it changes), {@code lock/...} and {@code rewrite/...} (the database at hand blocks writes or
 * rewrites the table while the operation runs).
 */
public enum LintRule {
    DROP_TABLE("data-loss/drop-table", Severity.ERROR,
            "drops a table and every row in it"),
    DROP_COLUMN("data-loss/drop-column", Severity.ERROR,
            "drops a column and its values"),
    NARROW_TYPE("data-loss/narrow-type", Severity.ERROR,
            "changes a column to a type that cannot hold every value of the old one"),
    TYPE_CHANGE("data-loss/type-change", Severity.WARNING,
            "changes a database-specific (native) type, whose conversion Covet cannot judge"),
    DROP_UNIQUE("data-loss/drop-unique", Severity.ERROR,
            "drops a unique or exclusion constraint or unique index: duplicates can then be written, and the "
                    + "rollback fails"),
    DROP_PRIMARY_KEY("data-loss/drop-primary-key", Severity.ERROR,
            "drops the primary key (directly, or by dropping a column of it): rows lose their identity"),
    DROP_TYPE_IN_USE("data-loss/drop-type-in-use", Severity.ERROR,
            "drops an enum, domain or composite type a column still uses: the database refuses, or with CASCADE "
                    + "drops the columns and their values"),
    DROP_SEQUENCE("data-loss/drop-sequence", Severity.WARNING,
            "drops a sequence: its current value is lost, and the rollback re-creates it at its start value"),
    DROP_VIRTUAL_TABLE("data-loss/drop-virtual-table", Severity.ERROR,
            "drops a virtual table (SQLite FTS5, rtree), or re-creates it to change it: its rows are lost"),
    DETACH_PARTITION("data-loss/detach-partition", Severity.WARNING,
            "detaches a partition: its rows leave the partitioned table, whose queries no longer see them"),
    DROP_IN_USE("dependency/drop-in-use", Severity.ERROR,
            "drops a table or object that another object (a view, a trigger, a column default) still needs: the "
                    + "database refuses it"),
    ALTER_VIEW_IN_USE("dependency/alter-view-in-use", Severity.WARNING,
            "replaces a view that other views read: the replacement fails if it drops, renames or retypes a column "
                    + "they use"),
    ADD_NOT_NULL_COLUMN("existing-rows/add-not-null-column", Severity.ERROR,
            "adds a NOT NULL column without a default to a table that has rows: the database refuses it"),
    SET_NOT_NULL("existing-rows/set-not-null", Severity.WARNING,
            "makes a column NOT NULL: fails if any row holds NULL"),
    ADD_UNIQUE("existing-rows/add-unique", Severity.WARNING,
            "adds a unique constraint or unique index to an existing table: fails on duplicates"),
    ADD_CHECK("existing-rows/add-check", Severity.WARNING,
            "adds a CHECK constraint to an existing table: fails if a row violates it"),
    ADD_FOREIGN_KEY("existing-rows/add-foreign-key", Severity.WARNING,
            "adds a foreign key to an existing table: fails if a row references nothing"),
    CREATE_INDEX_LOCK("lock/create-index", Severity.WARNING,
            "postgresql: CREATE INDEX without CONCURRENTLY, a primary key, unique or exclusion constraint, blocks "
                    + "writes to the table while the index builds"),
    FULL_SCAN_LOCK("lock/full-scan", Severity.WARNING,
            "postgresql: checks every row while holding a lock that blocks writes (new constraint, SET NOT NULL, "
                    + "attaching a partition)"),
    MATERIALIZED_VIEW("lock/materialized-view", Severity.WARNING,
            "creates or re-creates a materialized view with data: its whole query runs inside the migration"),
    REMOVE_ENUM_VALUE("rewrite/remove-enum-value", Severity.WARNING,
            "removes a value from an enum, or reorders its values: the type is re-created and every column using "
                    + "it rewritten; fails if a row holds a removed value"),
    ALTER_TYPE_REWRITE("rewrite/alter-type", Severity.WARNING,
            "postgresql: the type change rewrites the table and its indexes under an exclusive lock; "
                    + "mysql: it copies the table"),
    ADD_COLUMN_REWRITE("rewrite/add-column", Severity.WARNING,
            "postgresql: a column with a volatile default or an identity rewrites the table"),
    TABLE_COPY("rewrite/table-copy", Severity.WARNING,
            "mysql: the operation copies the table (ALGORITHM=COPY), blocking writes"),
    TABLE_REBUILD("rewrite/table-rebuild", Severity.WARNING,
            "the database rebuilds the table (sqlite: create, copy, drop, rename; mysql: in-place rebuild; "
                    + "postgresql: SET LOGGED / UNLOGGED)");

    private final String id;
    private final Severity severity;
    private final String summary;

    LintRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public static Optional<LintRule> byId(String id) {
        for (LintRule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** True when {@code name} is a rule id or a group ({@code data-loss}, {@code existing-rows}, ...). */
    public static boolean known(String name) {
        for (LintRule r : values()) {
            if (r.id.equals(name) || r.id.startsWith(name + "/")) {
                return true;
            }
        }
        return false;
    }
}
