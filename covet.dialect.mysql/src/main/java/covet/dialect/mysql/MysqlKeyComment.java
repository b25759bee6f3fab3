package covet.dialect.mysql;

import covet.api.model.Index;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AlterComment;
import java.util.List;

/**
 * AlterComment on MySQL. MySQL has no statement that changes an index's comment alone (a unique or primary key is
 * an index): the key is dropped and added again with its new comment in one ALTER TABLE, which needs its
 * definition from the table as it stands. Foreign keys and checks have no comments in MySQL.
 */
final class MysqlKeyComment {
    private final MysqlRenderer sql;

    MysqlKeyComment(MysqlRenderer sql) {
        this.sql = sql;
    }

    /** {@code current}: the table as it stands, or null when unknown (then only a refusal is possible). */
    List<String> statements(AlterComment op, Table current) {
        String table = op.table();
        String text = op.comment() == null ? "" : op.comment();
        if (op.target() == AlterComment.Target.PRIMARY_KEY) {
            if (current == null || current.primaryKey() == null) {
                throw needsDefinition(op);
            }
            return List.of(sql.alter(table) + "DROP PRIMARY KEY, ADD PRIMARY KEY ("
                    + sql.names(current.primaryKey().columns()) + ")" + clause(text));
        }
        Index index = current == null ? null : current.index(op.name()).orElse(null);
        if (index != null) {
            String name = sql.names(List.of(index.name()));
            return List.of(sql.alter(table) + "DROP INDEX " + name + ", ADD " + MysqlIndexKind.keyword(table, index)
                    + "KEY " + name + " (" + sql.keyParts(index) + ")" + clause(text));
        }
        UniqueConstraint unique = current == null ? null : current.uniques().stream()
                .filter(u -> u.name().equals(op.name())).findFirst().orElse(null);
        if (unique != null) {
            return List.of(sql.alter(table) + "DROP INDEX " + sql.names(List.of(unique.name())) + ", ADD "
                    + sql.uniqueDefinition(unique.withComment(text)));
        }
        if (current != null && (current.foreignKey(op.name()).isPresent()
                || current.checks().stream().anyMatch(c -> c.name().equals(op.name())))) {
            throw MysqlLimits.notSupported(table, "comment on constraint " + op.name() + ": comments on foreign"
                    + " keys and checks are");
        }
        throw needsDefinition(op);
    }

    /** An index's comment (a unique or primary key is an index in MySQL): {@code COMMENT 'x'}, or nothing. */
    static String clause(String text) {
        return text == null || text.isEmpty() ? "" : " COMMENT " + MysqlDefaults.quote(text);
    }

    private static MysqlUnsupportedException needsDefinition(AlterComment op) {
        return MysqlLimits.notSupported(op.table(), op.describe() + ": MySQL re-creates the key to change its"
                + " comment, and the table as it stands does not hold it, so this is");
    }
}
