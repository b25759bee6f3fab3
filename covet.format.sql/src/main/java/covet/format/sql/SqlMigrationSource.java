package covet.format.sql;

import covet.api.CovetException;
import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationFile;
import covet.api.spi.MigrationSetSource;
import covet.api.sql.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SQL format (docs/flyway-liquibase.md). Each file is one migration whose operations are its statements,
 * one {@link RunSQL} each, split by the target dialect's splitter and stored in {@link StatementText} form, so the
 * engine's checksum (SHA-256 over the operations) ignores comments and re-indenting. An undo file ({@code U...}) or
 * a {@code .down.sql} file is the reverse: its statements are the reverse of the first operation, and the other
 * operations have nothing to undo, so a rollback runs the whole undo script once. Versioned files depend on the
 * previous version, pairs on the previous pair; {@code -- covet:depends-on ID, ID} lines add dependencies (on a JSON
 * migration, say).
 */
public final class SqlMigrationSource implements MigrationSetSource {
    static final String FORMAT = "sql";
    private static final Pattern DEPENDS_ON = Pattern.compile("(?m)^\\s*--\\s*covet:depends-on\\s+(.+?)\\s*$");

    /** For {@code ServiceLoader}; the source holds no state. */
    public SqlMigrationSource() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public String fileExtension() {
        return FORMAT;
    }

    /** One file alone: a versioned, repeatable or {@code .up.sql} file, without dependencies on its neighbours. */
    @Override
    public Migration read(String location, String fileStem, InputStream content) throws IOException {
        MigrationFile file = new MigrationFile(location, fileStem + ".sql", content.readAllBytes());
        SqlFileName name = name(file);
        if (name.kind() == SqlFileName.Kind.UNDO || name.kind() == SqlFileName.Kind.DOWN) {
            throw new MalformedMigrationException(location, "an undo file is read together with the file it undoes");
        }
        return migration(name, file, null, List.of(), SqlScript::split);
    }

    @Override
    public List<Migration> readAll(List<MigrationFile> files, Function<String, List<SqlScript.Statement>> splitter) {
        TreeMap<FlywayVersion, Named> versioned = new TreeMap<>();
        Map<FlywayVersion, Named> undo = new LinkedHashMap<>();
        Map<String, Named> up = new LinkedHashMap<>();
        Map<String, Named> down = new LinkedHashMap<>();
        List<Named> repeatable = new ArrayList<>();
        for (MigrationFile file : files) {
            Named named = new Named(name(file), file);
            switch (named.name().kind()) {
                case VERSIONED -> unique(versioned, named.name().version(), named);
                case UNDO -> unique(undo, named.name().version(), named);
                case UP -> unique(up, named.name().id(), named);
                case DOWN -> unique(down, named.name().id(), named);
                case REPEATABLE -> repeatable.add(named);
            }
        }
        undo.forEach((version, u) -> {
            if (!versioned.containsKey(version)) {
                throw new MalformedMigrationException(u.file().location(), "undoes version " + version
                        + ", but no V" + version + "__*.sql file is there");
            }
        });
        down.forEach((id, d) -> {
            if (!up.containsKey(id)) {
                throw new MalformedMigrationException(d.file().location(), "has no " + id + ".up.sql beside it");
            }
        });
        List<Migration> out = new ArrayList<>();
        String previous = null;
        for (var e : versioned.entrySet()) {
            Named v = e.getValue();
            out.add(migration(v.name(), v.file(), undo.get(e.getKey()), previous == null ? List.of()
                    : List.of(previous), splitter));
            previous = v.name().id();
        }
        previous = null;
        List<Named> pairs = new ArrayList<>(up.values());
        pairs.sort(Comparator.comparing((Named p) -> p.name().pairNumber(),
                Comparator.nullsLast(Comparator.<BigInteger>naturalOrder())).thenComparing(p -> p.name().id()));
        for (Named p : pairs) {
            out.add(migration(p.name(), p.file(), down.get(p.name().id()), previous == null ? List.of()
                    : List.of(previous), splitter));
            previous = p.name().id();
        }
        for (Named r : repeatable) {
            out.add(migration(r.name(), r.file(), null, List.of(), splitter));
        }
        return List.copyOf(out);
    }

    private record Named(SqlFileName name, MigrationFile file) {
    }

    private static <K> void unique(Map<K, Named> map, K key, Named named) {
        Named before = map.putIfAbsent(key, named);
        if (before != null) {
            throw new MalformedMigrationException(named.file().location(), "declares the same migration as "
                    + before.file().location() + " (" + key + ")");
        }
    }

    private static SqlFileName name(MigrationFile file) {
        SqlFileName name = SqlFileName.parse(file.fileName());
        if (name == null) {
            throw new MalformedMigrationException(file.location(), "is not a migration file name this format "
                    + "reads; expected " + SqlFileName.patterns()
                    + " (move other .sql files out of the migrations folder)");
        }
        return name;
    }

    private static Migration migration(SqlFileName name, MigrationFile file, Named undo, List<String> previous,
                                       Function<String, List<SqlScript.Statement>> splitter) {
        String text = text(file);
        List<String> statements = statements(file.location(), text, splitter);
        List<String> reverse = undo == null ? null : statements(undo.file().location(), text(undo.file()), splitter);
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ops.add(new RunSQL(List.of(statements.get(i)), reverse == null ? null : i == 0 ? reverse : List.of()));
        }
        if (ops.isEmpty() && reverse != null) {
            ops.add(new RunSQL(List.of(), reverse));
        }
        List<String> dependencies = new ArrayList<>(previous);
        Matcher m = DEPENDS_ON.matcher(text);
        while (m.find()) {
            for (String dep : m.group(1).split("[,\\s]+")) {
                if (!dep.isBlank() && !dependencies.contains(dep)) {
                    dependencies.add(dep);
                }
            }
        }
        return new Migration(name.id(), null, dependencies, ops, file.location());
    }

    private static String text(MigrationFile file) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> statements(String location, String text,
                                           Function<String, List<SqlScript.Statement>> splitter) {
        try {
            return splitter.apply(text).stream().map(s -> StatementText.normalize(s.sql()))
                    .filter(s -> !s.isEmpty()).toList();
        } catch (MalformedMigrationException e) {
            throw e;
        } catch (CovetException e) {
            throw new MalformedMigrationException(location, e.getMessage());
        }
    }
}
