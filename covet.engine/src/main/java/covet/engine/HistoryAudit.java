package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.migration.Repeatables;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code covet info} and {@code covet validate}: {@link Covet#status()} with each applied migration's recorded
 * checksum compared with its file's. Reads only; a database that does not exist yet is not created.
 */
public final class HistoryAudit {
    private HistoryAudit() {
    }

    public static List<MigrationInfo> info(Covet covet) {
        List<MigrationStatus> statuses = covet.status();
        Map<String, AppliedMigration> rows = rows(covet);
        List<MigrationInfo> out = new ArrayList<>();
        for (MigrationStatus s : statuses) {
            AppliedMigration row = rows.get(s.id());
            Migration m = covet.graph().find(s.id()).orElse(null);
            String checksum = m == null ? null : Checksums.of(m);
            String state = s.state();
            if (state.equals(MigrationStatus.APPLIED) && row != null && checksum != null
                    && !checksum.equals(row.checksum())) {
                state = Repeatables.isRepeatable(s.id()) ? MigrationInfo.OUTDATED : MigrationInfo.CHANGED;
            }
            out.add(new MigrationInfo(s.id(), s.app(), state, s.appliedAt(), s.location(),
                    row == null ? null : row.checksum(), checksum, s.operationsApplied(), s.operationsTotal()));
        }
        return out;
    }

    /** The app's history rows by name; none when the database or its history table is not there. */
    static Map<String, AppliedMigration> rows(Covet covet) {
        Map<String, AppliedMigration> rows = new LinkedHashMap<>();
        if (!covet.dialect().databaseExists(covet.url())) {
            return rows;
        }
        try (Connection c = covet.connect()) {
            HistoryTable history = new HistoryTable(covet.dialect());
            if (history.exists(c)) {
                history.read(c).stream().filter(r -> r.app().equals(covet.config().app()))
                        .forEach(r -> rows.put(r.name(), r));
            }
        } catch (SQLException e) {
            throw new CovetException(covet.dialect().name() + ": cannot read the history: " + e.getMessage(), e);
        }
        return rows;
    }
}
