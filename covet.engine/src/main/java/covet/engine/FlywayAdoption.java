package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.migration.Repeatables;
import covet.api.sql.SqlBuilder;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * {@code covet adopt flyway}: takes over a database Flyway has been migrating. Reads {@code flyway_schema_history}
 * (version, description, type, script, checksum, success) and records each migration Flyway applied in
 * {@code covet_migrations}, matched with the SQL file of the same version in the migrations folder, so that the next
 * {@code covet migrate} runs only what Flyway had not. Flyway's table is only read, never changed.
 *
 * <p>Refused, with nothing recorded, when Flyway recorded a failed migration, when an applied version has no file,
 * when a file's Flyway checksum (CRC32 over its lines, as Flyway computes it) differs from the one Flyway recorded
 * (the file changed after Flyway applied it), or when Covet's history already holds migrations of the app. A
 * Flyway baseline row marks every version up to it as applied. A repeatable file whose checksum still matches its
 * latest Flyway run is recorded; a changed one is left pending, so migrate runs it, as Flyway would.
 */
public final class FlywayAdoption {
    public static final String TABLE = "flyway_schema_history";
    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("[Vv](.+?)__.*");

    private FlywayAdoption() {
    }

    /** One row of Flyway's history. */
    record FlywayRow(int rank, String version, String description, String type, String script, Integer checksum,
                     int executionTime, boolean success) {
    }

    /** Adopts the database; returns the ids recorded as applied, in order. */
    public static List<String> adopt(Covet covet) {
        return covet.locked(true, (c, history, rows) -> {
            if (!rows.isEmpty()) {
                throw new CovetException("adopt refused: covet_migrations already holds " + rows.size()
                        + " migration(s) of app " + covet.config().app() + "; nothing was recorded");
            }
            List<FlywayRow> flyway = read(c, covet);
            List<Migration> toRecord = match(covet, flyway);
            for (Migration m : toRecord) {
                history.insert(c, m.id(), m.app(), Checksums.of(m), 0, m.operations().size(),
                        m.operations().size(), AppliedMigration.APPLIED);
            }
            return toRecord.stream().map(Migration::id).toList();
        });
    }

    private static List<FlywayRow> read(Connection c, Covet covet) throws SQLException {
        if (!covet.dialect().introspector().tableExists(c, TABLE)) {
            throw new CovetException("adopt flyway: this database has no " + TABLE + " table; nothing was recorded");
        }
        SqlBuilder sql = new SqlBuilder(covet.dialect()::quoteIdentifier);
        List<FlywayRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.select(TABLE, List.of(
                "installed_rank", "version", "description", "type", "script", "checksum", "execution_time",
                "success"), List.of(), List.of("installed_rank")))) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                rows.add(new FlywayRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.wasNull() ? null : checksum, rs.getInt(7), rs.getBoolean(8)));
            }
        }
        return rows;
    }

    /** The migrations Flyway applied, as Covet reads them, in Covet's order; throws on anything doubtful. */
    private static List<Migration> match(Covet covet, List<FlywayRow> flyway) {
        Map<String, Migration> byVersion = new HashMap<>();
        Map<String, Migration> repeatables = new HashMap<>();
        for (Migration m : covet.graph().order()) {
            if (!m.app().equals(covet.config().app())) {
                continue;
            }
            if (Repeatables.isRepeatable(m)) {
                repeatables.put(m.id(), m);
            }
            java.util.regex.Matcher v = VERSIONED.matcher(m.id());
            if (v.matches()) {
                byVersion.put(String.join(".", Baseline.normalizeVersion(v.group(1))), m);
            }
        }
        Map<String, Migration> applied = new LinkedHashMap<>();
        Map<String, FlywayRow> latestRepeatable = new LinkedHashMap<>();
        for (FlywayRow row : flyway) {
            if (!row.success()) {
                throw new CovetException("adopt refused: Flyway recorded " + describe(row) + " as failed; repair or"
                        + " finish it with Flyway first. Nothing was recorded.");
            }
            String type = row.type() == null ? "" : row.type();
            if (type.equals("SCHEMA") || type.startsWith("UNDO")) {
                continue;
            }
            if (row.version() == null) {
                latestRepeatable.put(row.script(), row);
                continue;
            }
            String version = String.join(".", Baseline.normalizeVersion(row.version()));
            if (type.equals("DELETE")) {
                applied.remove(version);
                continue;
            }
            if (type.contains("BASELINE")) {
                for (var e : byVersion.entrySet()) {
                    if (Baseline.compareVersions(e.getKey(), version) <= 0) {
                        applied.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
                continue;
            }
            Migration m = byVersion.get(version);
            if (m == null) {
                throw new CovetException("adopt refused: Flyway applied " + describe(row) + ", but no V" + row.version()
                        + "__*.sql file in " + covet.config().migrationsDir() + " declares it. Nothing was recorded.");
            }
            checkUnchanged(m, row);
            applied.put(version, m);
        }
        List<Migration> out = new ArrayList<>();
        for (Migration m : covet.graph().order()) {
            if (applied.containsValue(m)) {
                out.add(m);
            }
        }
        for (FlywayRow row : latestRepeatable.values()) {
            String id = row.script().replaceAll("^.*/", "").replaceAll("\\.sql$", "");
            Migration m = repeatables.get(id);
            if (m != null && row.checksum() != null && row.checksum() == crc32(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static void checkUnchanged(Migration m, FlywayRow row) {
        if (row.checksum() != null && row.checksum() != crc32(m)) {
            throw new CovetException("adopt refused: " + m.where() + " changed after Flyway applied it (Flyway "
                    + "recorded checksum " + row.checksum() + ", the file has " + crc32(m) + "). Revert the file or "
                    + "run 'flyway repair' first. Nothing was recorded.");
        }
    }

    private static String describe(FlywayRow row) {
        return (row.version() == null ? "repeatable" : "version " + row.version()) + " (" + row.script() + ")";
    }

    /** Flyway's checksum of a file: CRC32 over its lines without line breaks, a leading BOM removed. */
    static int crc32(Migration m) {
        try {
            String text = Files.readString(Path.of(m.location()), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            CRC32 crc = new CRC32();
            try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            return (int) crc.getValue();
        } catch (IOException | RuntimeException e) {
            throw new CovetException("adopt flyway: cannot read " + m.where() + " to compare it with Flyway's "
                    + "checksum: " + e.getMessage(), e);
        }
    }
}
