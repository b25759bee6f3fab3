package covet.engine.lint;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.engine.MigrationChain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lints migrations for one database: every operation that loses data, fails on existing rows, or locks or rewrites
 * a table on that database becomes a {@link Finding}. Pure: it reads the schema model, never a database, so
 * {@code makemigrations}, {@code migrate} and CI can all run it. A safe migration yields no finding.
 */
public final class Linter {
    private final String dialectName;
    private final DatabaseKind database;
    private final boolean alterColumnInPlace;

    /** A linter for the dialect named {@code dialectName} (sqlite, postgresql, mysql, or a plugin's). */
    public Linter(String dialectName, Capabilities capabilities) {
        Preconditions.notNull(capabilities, "dialect capabilities");
        this.dialectName = dialectName;
        this.database = DatabaseKind.of(dialectName);
        this.alterColumnInPlace = capabilities.alterColumnInPlace();
    }

    public static Linter forDialect(Dialect dialect) {
        return new Linter(dialect.name(), dialect.capabilities());
    }

    /** The findings of {@code migration}, whose operations start from the schema {@code before}. */
    public List<Finding> lint(Migration migration, Schema before) {
        return walk(migration, before, null).findings();
    }

    /**
     * The findings of a chain {@link MigrationChain} split, starting from {@code before}: the parts are one migration,
     * so what an earlier part creates holds no rows when a later one changes it (unless raw SQL or Java code ran in
     * between).
     */
    public List<Finding> lintChain(Schema before, List<Migration> run) {
        List<Finding> findings = new ArrayList<>();
        Schema state = before;
        LintContext earlier = null;
        for (Migration m : run) {
            LintContext ctx = walk(m, state, earlier);
            findings.addAll(ctx.findings());
            state = replayTolerantly(state, m);
            earlier = runsCode(m) ? null : ctx;
        }
        return findings;
    }

    private LintContext walk(Migration migration, Schema before, LintContext earlier) {
        LintContext ctx = new LintContext(migration, before, alterColumnInPlace, earlier);
        RowRules rows = new RowRules(ctx);
        CostRules costs = new CostRules(ctx, database);
        List<Operation> ops = migration.operations();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            ctx.at(i, op);
            op.accept(rows);
            op.accept(costs);
            ctx.advance();
        }
        return ctx;
    }

    /**
     * The findings of the migrations named {@code ids}, in {@code order} (the graph's order, dependencies first); the
     * schema before each is replayed from every migration ahead of it. Migrations not named only advance the schema.
     * The parts of a chain ({@link MigrationChain#continues}) named together are linted as the one migration they
     * were split from.
     */
    public List<Finding> lint(List<Migration> order, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<Finding> findings = new ArrayList<>();
        Schema state = Schema.EMPTY;
        LintContext earlier = null;
        Migration previous = null;
        for (Migration m : order) {
            if (wanted.contains(m.id())) {
                // the parts of a chain makemigrations split are one migration: what a part creates is still empty
                boolean sameChain = previous != null && earlier != null && MigrationChain.continues(previous, m);
                LintContext ctx = walk(m, state, sameChain ? earlier : null);
                findings.addAll(ctx.findings());
                earlier = runsCode(m) ? null : ctx;
            } else {
                earlier = null;
            }
            previous = m;
            state = replayTolerantly(state, m);
        }
        return findings;
    }

    /** True when the migration runs SQL or Java the model cannot see: it may have written rows. */
    private static boolean runsCode(Migration m) {
        return m.operations().stream().anyMatch(op -> op instanceof RunSQL || op instanceof RunJava);
    }

    /** The findings that block under {@code policy}: errors, and warnings too when strict, minus allowed rules. */
    public static List<Finding> blocking(List<Finding> findings, LintPolicy policy) {
        return policy.blocking(findings);
    }

    @Override
    public String toString() {
        return "Linter[" + dialectName + "]";
    }

    /** Like StateReplayer, but an operation the model cannot follow (a table made by RunSQL) is skipped. */
    private static Schema replayTolerantly(Schema start, Migration migration) {
        Schema state = start;
        for (Operation op : migration.operations()) {
            try {
                state = op.applyTo(state);
            } catch (SchemaStateException | IllegalArgumentException e) {
                // lint what the model knows; the runner reports real failures
            }
        }
        return state;
    }
}
