package covet.api.spi;

import covet.api.migration.Migration;
import covet.api.sql.SqlScript;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link MigrationSource} whose files only make sense together: a pair of files forms one migration
 * ({@code 1_init.up.sql} and {@code 1_init.down.sql}), or a file's place in the graph follows from the others
 * (Flyway's {@code V1.10__x.sql} comes after {@code V1.9__y.sql}). The loader then hands it every file of its
 * extension in one folder at once instead of calling {@link #read} file by file.
 */
public interface MigrationSetSource extends MigrationSource {

    /**
     * Reads every file of this format in one folder, sorted by name.
     *
     * @param splitter splits an SQL script into statements the way the target database's client does (the
     *                 dialect's {@link Dialect#splitScript}); {@link SqlScript#split} when no dialect is known
     * @throws covet.api.MalformedMigrationException naming the file, the line and what is wrong
     */
    List<Migration> readAll(List<MigrationFile> files, Function<String, List<SqlScript.Statement>> splitter);
}
