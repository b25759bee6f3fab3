package covet.format.sql;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationFilesWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a migration of {@link RunSQL} operations (what {@code makemigrations --format sql} hands over after the
 * dialect rendered the diff) as an {@code <id>.up.sql} / {@code <id>.down.sql} pair that {@link SqlMigrationSource}
 * reads back with the same checksum. Other operations must be rendered to SQL first: the format holds only SQL.
 */
public final class SqlMigrationWriter implements MigrationFilesWriter {

    /** For {@code ServiceLoader}; the writer holds no state. */
    public SqlMigrationWriter() {
    }

    @Override
    public String format() {
        return SqlMigrationSource.FORMAT;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public String fileExtension() {
        return SqlMigrationSource.FORMAT;
    }

    /** The up file alone. */
    @Override
    public String write(Migration migration) {
        return script(migration, up(migration));
    }

    /**
     * The files of {@code migration} by name: {@code <id>.up.sql}, and {@code <id>.down.sql} when every operation
     * can be reversed.
     */
    @Override
    public Map<String, String> files(Migration migration) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(migration.id() + ".up.sql", write(migration));
        List<String> down = down(migration);
        if (down != null) {
            files.put(migration.id() + ".down.sql", script(migration, down));
        }
        return files;
    }

    private static List<String> up(Migration migration) {
        List<String> statements = new ArrayList<>();
        for (Operation op : migration.operations()) {
            statements.addAll(runSql(migration, op).sql());
        }
        return statements;
    }

    /** The reverse statements, newest operation first; null when an operation has no reverse. */
    private static List<String> down(Migration migration) {
        List<String> statements = new ArrayList<>();
        List<Operation> ops = migration.operations();
        for (int i = ops.size() - 1; i >= 0; i--) {
            RunSQL op = runSql(migration, ops.get(i));
            if (op.reverseSql() == null) {
                return null;
            }
            statements.addAll(op.reverseSql());
        }
        return statements;
    }

    private static RunSQL runSql(Migration migration, Operation op) {
        if (!(op instanceof RunSQL sql)) {
            throw new UnsupportedOperationException("sql format: migration " + migration.id() + " holds "
                    + op.describe() + "; the SQL format holds only SQL statements (render them with the dialect)");
        }
        return sql;
    }

    private static String script(Migration migration, List<String> statements) {
        StringBuilder out = new StringBuilder();
        if (!migration.dependencies().isEmpty()) {
            out.append("-- covet:depends-on ").append(String.join(", ", migration.dependencies())).append('\n');
        }
        for (String s : statements) {
            out.append(s.strip()).append(";\n");
        }
        return out.toString();
    }
}
