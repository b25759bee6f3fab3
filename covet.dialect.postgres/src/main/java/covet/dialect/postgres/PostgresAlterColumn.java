package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statements of one AlterColumn: only what differs from the previous definition when it is known, else every
 * property. The order matters: a generation expression goes first (a generated column refuses DROP DEFAULT), the
 * default goes before a type change (an old default may not cast), identity is dropped before NOT NULL is, and
 * added after it is set.
 */
final class PostgresAlterColumn {
    private final String tableName;
    private final Column column;
    private final Column previous;
    private final String alter;

    PostgresAlterColumn(String tableName, Column column, Column previous) {
        this.tableName = tableName;
        this.column = column;
        this.previous = previous;
        this.alter = PostgresRenderer.alterTable(tableName) + "ALTER COLUMN " + quote(column.name()) + " ";
    }

    List<String> statements() {
        List<String> out = new ArrayList<>(generation());
        boolean generated = column.generated() != null;
        boolean typeChanges = previous == null || !PostgresTypes.normalize(previous.type())
                .equals(PostgresTypes.normalize(column.type()));
        boolean collationChanges = previous == null ? column.collation() != null
                : !Objects.equals(previous.collation(), column.collation());
        boolean defaultChanges = !generated && (previous == null
                || !Objects.equals(previous.defaultValue(), column.defaultValue())
                || previous.autoIncrement() != column.autoIncrement() || typeChanges);
        boolean identityOff = !column.autoIncrement() && (previous == null || previous.autoIncrement());
        boolean identityOn = column.autoIncrement() && (previous == null || !previous.autoIncrement());

        if (identityOff) {
            out.add(alter + "DROP IDENTITY IF EXISTS");
        }
        boolean hadDefault = previous == null || previous.defaultValue() != null || previous.autoIncrement();
        if (defaultChanges && hadDefault && !(previous == null && column.autoIncrement())) {
            out.add(alter + "DROP DEFAULT");
        }
        if (typeChanges || collationChanges) {
            String type = PostgresTypes.toSql(column.type());
            String collate = column.collation() == null ? "" : " COLLATE " + table(column.collation());
            // a generated column is recomputed from its expression: PostgreSQL refuses USING there
            String using = typeChanges && !generated ? " USING " + quote(column.name()) + "::" + type : "";
            out.add(alter + "TYPE " + type + collate + using);
        }
        boolean notNull = !column.nullable() || column.autoIncrement();
        if (previous == null || notNull != (!previous.nullable() || previous.autoIncrement())) {
            out.add(alter + (notNull ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        if (identityOn) {
            PostgresTableSql.requireIntegral(column);
            out.add(previous == null ? addIdentityUnlessPresent()
                    : alter + "ADD GENERATED " + PostgresTableSql.identityKind(column) + " AS IDENTITY");
            // existing rows keep their values: start the new sequence after them
            out.add("SELECT setval(pg_get_serial_sequence(" + literal(table(tableName)) + ", "
                    + literal(column.name()) + "), COALESCE(MAX(" + quote(column.name()) + "), 0) + 1, false) FROM "
                    + table(tableName));
        } else if (column.autoIncrement() && !PostgresTableSql.identityKind(previous)
                .equals(PostgresTableSql.identityKind(column))) {
            out.add(alter + "SET GENERATED " + PostgresTableSql.identityKind(column));
        }
        if (defaultChanges && column.defaultValue() != null && !column.autoIncrement()) {
            out.add(alter + "SET DEFAULT " + column.defaultValue());
        }
        if (previous == null || !Objects.equals(previous.comment(), column.comment())) {
            out.add(PostgresTableSql.columnComment(tableName, column));
        }
        return out;
    }

    /**
     * A stored generated column turns plain with DROP EXPRESSION. PostgreSQL 15 cannot make an existing column
     * generated, nor change its expression (SET EXPRESSION came in 17): that takes dropping the column and adding
     * it back, which moves it to the end of the table, so it is the user's decision, not the renderer's.
     */
    private List<String> generation() {
        if (previous == null) {
            if (column.generated() == null) {
                return List.of(alter + "DROP EXPRESSION IF EXISTS");
            }
            // unknown previous state: proceed only when the column already is generated
            String check = "SELECT 1 FROM pg_attribute WHERE attrelid = " + literal(table(tableName))
                    + "::regclass AND attname = " + literal(column.name()) + " AND attgenerated = 's'";
            return List.of(PostgresObjects.doBlock(" BEGIN IF NOT EXISTS (" + check + ") THEN RAISE EXCEPTION '%', "
                    + literal(cannotGenerate()) + "; END IF; END "));
        }
        if (Objects.equals(previous.generated(), column.generated())) {
            return List.of();
        }
        if (column.generated() == null) {
            return List.of(alter + "DROP EXPRESSION");
        }
        throw new IllegalArgumentException(cannotGenerate());
    }

    private String cannotGenerate() {
        String what = previous != null && previous.generated() != null
                ? "change the generation expression of column '" + column.name() + "'"
                : "make existing column '" + column.name() + "' generated";
        return "postgresql: cannot " + what + " of table '" + tableName + "' in place (PostgreSQL before 17 has no"
                + " ALTER COLUMN ... SET EXPRESSION); drop the column and add it back as a generated column (its"
                + " values are computed again; the column moves to the end of the table)";
    }

    /**
     * Without a previous definition the column may already be an identity, and ADD GENERATED would then fail: its
     * kind is set instead.
     */
    private String addIdentityUnlessPresent() {
        String kind = PostgresTableSql.identityKind(column);
        String check = "SELECT 1 FROM pg_attribute WHERE attrelid = " + literal(table(tableName))
                + "::regclass AND attname = " + literal(column.name()) + " AND attidentity <> ''";
        // a plain default (serial's nextval) must go first; an identity column refuses DROP DEFAULT
        return PostgresObjects.doBlock(" BEGIN IF NOT EXISTS (" + check + ") THEN " + alter + "DROP DEFAULT; " + alter
                + "ADD GENERATED " + kind + " AS IDENTITY; ELSE " + alter + "SET GENERATED " + kind
                + "; END IF; END ");
    }
}
