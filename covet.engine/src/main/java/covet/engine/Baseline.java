package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.migration.Repeatables;
import covet.engine.run.MigrationResult;
import covet.engine.run.UnknownMigrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code covet baseline [--version V]}: records the migrations up to and including V as applied without running
 * them (a database that already holds what they create). Without V, every versioned migration on disk. Repeatable
 * migrations are never baselined: the next migrate runs them. Refused on a database whose history already holds
 * migrations of the app, as Flyway refuses, so a baseline never hides what was really applied.
 */
public final class Baseline {
    private static final Pattern FLYWAY_ID = Pattern.compile("[Vv](.+?)__.*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d+).*");

    private Baseline() {
    }

    public static List<MigrationResult> run(Covet covet, String version, Consumer<MigrationResult> each) {
        int recorded = HistoryAudit.rows(covet).size();
        if (recorded > 0) {
            throw new CovetException("baseline refused: the history of app " + covet.config().app() + " already holds "
                    + recorded + " migration(s); a baseline is for a database Covet has not migrated yet "
                    + "(to record one more migration as applied, use 'covet migrate --fake ID')");
        }
        List<Migration> chain = new ArrayList<>();
        for (Migration m : covet.graph().order()) {
            if (m.app().equals(covet.config().app()) && !Repeatables.isRepeatable(m)) {
                chain.add(m);
            }
        }
        if (chain.isEmpty()) {
            throw new UnknownMigrationException("baseline: no versioned migration in " + covet.config().migrationsDir());
        }
        String target = version == null ? chain.get(chain.size() - 1).id() : chain.stream()
                .filter(m -> matches(m.id(), version)).map(Migration::id).findFirst()
                .orElseThrow(() -> new UnknownMigrationException("baseline: no migration has version or id " + version
                        + " in " + covet.config().migrationsDir()));
        return covet.migrate(target, true, each);
    }

    /** True when {@code id} is {@code version}, or is a Flyway file of that version, or a pair numbered so. */
    static boolean matches(String id, String version) {
        if (id.equals(version)) {
            return true;
        }
        Matcher flyway = FLYWAY_ID.matcher(id);
        if (flyway.matches()) {
            return normalize(flyway.group(1)).equals(normalize(version));
        }
        Matcher number = LEADING_NUMBER.matcher(id);
        return number.matches() && normalize(number.group(1)).equals(normalize(version));
    }

    /** {@code 1.0_01} as {@code 1.0.1} without trailing zero parts: Flyway's version equality. */
    static List<String> normalizeVersion(String version) {
        return normalize(version);
    }

    /** Compares two normalised versions ({@code 1.10} after {@code 1.9}). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            java.math.BigInteger p = new java.math.BigInteger(i < x.length ? x[i] : "0");
            java.math.BigInteger q = new java.math.BigInteger(i < y.length ? y[i] : "0");
            if (p.compareTo(q) != 0) {
                return p.compareTo(q);
            }
        }
        return 0;
    }

    private static List<String> normalize(String version) {
        List<String> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(p.replaceFirst("^0+(?=\\d)", ""));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }
}
