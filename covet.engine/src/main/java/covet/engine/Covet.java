package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import covet.api.spi.MigrationWriter;
import covet.api.spi.SchemaContext;
import covet.api.spi.SchemaSource;
import covet.engine.diff.Autodetector;
import covet.engine.diff.MigrationNamer;
import covet.engine.questioner.Questioner;
import covet.engine.source.DesiredSchema;
import covet.engine.source.SqlSchemaSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationLock;
import covet.api.migration.Repeatables;
import covet.engine.checksum.Checksums;
import covet.engine.run.RepeatableRuns;
import covet.engine.config.ConfigException;
import covet.engine.config.CovetConfig;
import covet.engine.config.Redactor;
import covet.engine.graph.MigrationGraph;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import covet.engine.load.MigrationLoader;
import covet.engine.plugin.PluginRegistry;
import covet.engine.reverse.Reverser;
import covet.engine.run.ChecksumMismatchException;
import covet.engine.run.MigrationResult;
import covet.engine.run.Runner;
import covet.engine.run.RunningStatements;
import covet.engine.run.ScriptWriter;
import covet.engine.run.UnknownMigrationException;
import covet.engine.state.DeferredSchema;
import covet.engine.state.StateReplayer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import covet.engine.run.RunListener;
import covet.engine.run.RunLog;
import covet.engine.merge.BranchConflicts;
import covet.engine.squash.ReplacementIndex;
import covet.engine.squash.Replacements;
import covet.engine.squash.ResolvedGraph;

/**
 * The engine's front door: what the CLI and applications call. Each method loads and checks the migration files
 * before it opens a connection, so a malformed file, a cycle or a missing dependency never touches the database.
 * Results are values; nothing here prints.
 */
public final class Covet {
    private final CovetConfig config;
    private final PluginRegistry registry;
    private final DataSource dataSource;
    private final MigrationLocation location;
    private final RunListener listener;
    private final List<covet.api.migration.JavaMigration> extraJava;
    private final boolean group;
    private Dialect dialect;
    private MigrationGraph graph;
    private List<Migration> files;
    private ReplacementIndex replacements;
    /** The folder's file hashes, read once (null: not yet). */
    private Optional<UnchangedFiles> folderFiles;
    /** Migration id to its file's hash, once the graph is loaded (null: not yet). */
    private Map<String, String> fileHashById;

    /** Covet on resolved settings (as the CLI builds them), migrations from the configured folder. */
    public Covet(CovetConfig config, PluginRegistry registry) {
        this(config, registry, null, MigrationLocation.folder(config.migrationsDir()), RunListener.NONE, List.of());
    }

    /** Covet on resolved settings, with hooks (the CLI prints warnings through them). */
    public Covet(CovetConfig config, PluginRegistry registry, RunListener listener) {
        this(config, registry, null, MigrationLocation.folder(config.migrationsDir()), listener, List.of());
    }

    Covet(CovetConfig config, PluginRegistry registry, DataSource dataSource, MigrationLocation location,
          RunListener listener, List<covet.api.migration.JavaMigration> javaMigrations) {
        this(config, registry, dataSource, location, listener, javaMigrations, false);
    }

    /** {@code group}: migrate groups its runs by default (the builder's {@code group(true)}). */
    Covet(CovetConfig config, PluginRegistry registry, DataSource dataSource, MigrationLocation location,
          RunListener listener, List<covet.api.migration.JavaMigration> javaMigrations, boolean group) {
        this.group = group;
        this.extraJava = List.copyOf(javaMigrations);
        this.config = config;
        this.registry = registry;
        this.dataSource = dataSource;
        this.location = location;
        this.listener = listener;
    }

    /** Configures Covet for use from application code: a URL or a DataSource, where the migrations are, ... */
    public static CovetBuilder builder() {
        return new CovetBuilder();
    }

    public CovetConfig config() {
        return config;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The explicit {@code dialect} setting wins; otherwise the one dialect that accepts the URL. */
    public synchronized Dialect dialect() {
        if (dialect == null) {
            if (config.dialect() != null) {
                dialect = registry.dialect(config.dialect());
            } else if (config.url() == null && config.engine() == null && dataSource != null) {
                dialect = registry.dialectForUrl(dataSourceUrl());
            } else if (config.url() != null) {
                dialect = registry.dialectForUrl(config.url());
            } else {
                dialect = registry.dialect(config.engine());
            }
            if (config.url() != null) {
                // the driver's own reading of the URL names every password it holds, so no output shows one
                Redactor.rememberUrl(config.url(), dialect.urlSecrets(config.url()));
            }
        }
        return dialect;
    }

    private String dataSourceUrl() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new ConnectionFailedException("cannot get a connection from the DataSource: " + e.getMessage(), e);
        }
    }

    /** The database as a log line names it: the masked URL, or the dialect (a DataSource's URL costs a connection). */
    private String logName() {
        return config.url() != null ? Redactor.redactUrl(config.url()) : "the " + dialect().name() + " database";
    }

    /** The JDBC URL, built by the dialect from host, port and database when no URL was given. */
    public String url() {
        if (config.url() != null) {
            return config.url();
        }
        if (dataSource != null && config.engine() == null) {
            return dataSourceUrl();
        }
        if (config.database() == null) {
            throw new ConfigException("engine " + config.engine() + " (from " + config.origin("engine")
                    + ") needs a database name: set DB_NAME or 'database'");
        }
        return dialect().jdbcUrl(config.host(), config.port(), config.database());
    }

    /**
     * Every migration in the migrations folder, checked: readable, unique, acyclic, dependencies present. Each squash
     * stands in for the migrations it replaces, as on a new database.
     */
    public synchronized MigrationGraph graph() {
        if (graph == null) {
            // SQL files are split by the target database's own rules; the dialect is resolved only if one is read
            List<Migration> all = new ArrayList<>(location.load(new MigrationLoader(registry,
                    script -> dialect().splitScript(script), listener::onWarning)));
            javaMigrations().values().forEach(j -> all.add(covet.engine.load.JavaMigrations.asMigration(j)));
            // refused before any database is touched (issue 18): a self-dependency, a typed operation that smuggles
            // SQL in an expression
            MigrationGraph.refuseSelfDependencies(all);
            all.forEach(covet.engine.load.TypedExpressions::check);
            if (config.dialect() != null || config.url() != null || config.engine() != null || dataSource != null) {
                // names the database would truncate are refused, not passed through (issue 18)
                all.forEach(m -> covet.engine.load.IdentifierLimits.check(m, dialect()));
            }
            files = List.copyOf(all);
            replacements = ReplacementIndex.beside(files,
                    location instanceof MigrationLocation.ClassPath cp ? cp.classLoader() : null);
            graph = Replacements.resolve(files, replacements).graph();
        }
        return graph;
    }

    /** The migrations as a database with {@code rows} sees them: each squash, or the migrations it replaces. */
    private ResolvedGraph resolved(List<AppliedMigration> rows) {
        graph();
        return Replacements.resolve(files, replacements, rows);
    }

    /** The Java data migrations: those given to the builder, and those the plugin registry finds. */
    public Map<String, covet.api.migration.JavaMigration> javaMigrations() {
        Map<String, covet.api.migration.JavaMigration> byClass = new LinkedHashMap<>();
        registry.javaMigrations().forEach(j -> byClass.put(j.getClass().getName(), j));
        extraJava.forEach(j -> byClass.put(j.getClass().getName(), j));
        return byClass;
    }

    /**
     * A fleet run over {@code targets} (docs/distributed.md) with this Covet's settings and plugins, each target
     * through a Covet of its own with this one's migrations (folder, class path or code) and Java migrations; read
     * a targets file with {@link covet.engine.fleet.FleetTargets#read}.
     */
    public covet.engine.fleet.Fleet fleet(List<covet.engine.fleet.FleetTarget> targets) {
        return new covet.engine.fleet.Fleet(config, registry, targets,
                (settings, hooks) -> new Covet(settings, registry, null, location, hooks,
                        extraJava));
    }

    /** What the dialect says about the server behind the configured URL (a cluster and its size), one line each. */
    public List<String> describeServer() {
        try (Connection c = connect()) {
            return dialect().describeServer(c);
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": " + Redactor.redact(e.getMessage(), config.password()), e);
        }
    }

    /** Opens a connection with the configured credentials; failures say which setting to check. */
    public Connection connect() {
        if (dataSource != null) {
            try {
                return RunningStatements.process().track(dataSource.getConnection());
            } catch (SQLException e) {
                throw new ConnectionFailedException("cannot get a connection from the DataSource: "
                        + Redactor.redact(e.getMessage(), config.password()), e);
            }
        }
        String url = url();
        try {
            return RunningStatements.process().track(dialect().connect(url, config.connectionProperties()));
        } catch (SQLException e) {
            String cause = ConnectionProblem.describe(e, url);
            throw new ConnectionFailedException("cannot connect to " + Redactor.redactUrl(url) + " (URL from "
                    + config.origin(config.url() != null ? "url" : "engine") + (config.user() != null
                    ? ", user '" + config.user() + "' from " + config.origin("user") : "") + "): "
                    + (cause != null ? cause + "; the driver said: " : "")
                    + Redactor.redact(e.getMessage(), config.password()), e);
        }
    }

    /**
     * Applies pending migrations in graph order, or, with a {@code target}, up to and including it; when the target
     * is already applied, reverts what was applied after it.
     */
    public List<MigrationResult> migrate(String target, boolean fake, Consumer<MigrationResult> each) {
        return migrate(target, fake, grouped(), each);
    }

    /** True when migrate groups its runs by default: {@code group: true} in the config file, or the builder's. */
    public boolean grouped() {
        return group || covet.engine.config.FileFlag.GROUP.enabled(config);
    }

    /**
     * As {@link #migrate(String, boolean, Consumer)}; with {@code group}, all pending migrations in one transaction
     * (one commit, all or nothing; {@code each} hears of them only once it committed), refused before anything runs
     * where that cannot hold ({@link covet.engine.run.GroupRefusedException}). A target that reverts is not grouped.
     */
    public List<MigrationResult> migrate(String target, boolean fake, boolean group, Consumer<MigrationResult> each) {
        if (group) {
            Runner.checkGroupable(dialect(), List.of());
        }
        // the files not parsed yet (a caller that checked them first, as the CLI's lint does, has parsed them)
        if (target == null && !fake && !graphLoaded() && nothingToApply(false)) {
            return List.of();
        }
        RunListener hooks = new RunLog().andThen(listener)
                .andThen(RunListener.afterEach(group ? r -> { } : each));
        MigrationGraph g = graphOfNamedFolderAndApp();
        checkTarget(g, target);
        long start = System.nanoTime();
        List<MigrationResult> done = locked(true, (c, history, rows) -> {
            ResolvedGraph view = resolved(rows);
            MigrationGraph live = view.graph();
            BranchConflicts.check(live, config.app());
            verify(live, rows, view);
            recordFileHashes(c, history, live, rows);
            Map<String, AppliedMigration> byName = byName(view.collapse(rows));
            AppliedMigration targetRow = target == null ? null : byName.get(target);
            if (targetRow != null && targetRow.complete()) {
                if (group) {
                    hooks.onWarning("migrate " + target + " reverts: the reverts are not grouped, each one is its "
                            + "own transaction");
                }
                return revertAfter(live, c, history, view.collapse(rows), target, fake, hooks);
            }
            boolean pending = !view.pending(config.app()).isEmpty();
            if (pending && !fake) {
                // --fake records what is already there (adopting a database): comparing would flag all of it
                drift(c, live, rows).forEach(d -> hooks.onWarning("drift: " + d));
            }
            // what to run, and from which row, decided before anything runs (a grouped run checks it all first)
            List<Migration> toRun = new ArrayList<>();
            List<AppliedMigration> from = new ArrayList<>();
            for (Migration m : RepeatableRuns.last(live.order())) {
                if (!m.app().equals(config.app())) {
                    continue;
                }
                AppliedMigration row = byName.get(m.id());
                boolean rerun = RepeatableRuns.outdated(m, row);
                if (!view.isApplied(m.id()) || rerun) {
                    toRun.add(m);
                    from.add(rerun ? RepeatableRuns.rerunFrom(row) : row);
                }
                if (m.id().equals(target)) {
                    break;
                }
            }
            List<MigrationResult> results = new ArrayList<>();
            if (toRun.isEmpty()) {
                return results;
            }
            if (group && !fake) {
                Runner.checkGroupable(dialect(), toRun);
            }
            Runner runner = new Runner(dialect(), c, history, hooks, javaMigrations(), group);
            for (int i = 0; i < toRun.size(); i++) {
                results.add(runner.apply(toRun.get(i), from.get(i), fake));
            }
            return results;
        });
        if (group) {
            done.forEach(each); // committed now: a grouped run reports nothing it might still roll back
        }
        RunLog.summary(MigrationResult.APPLY, done, (System.nanoTime() - start) / 1_000_000,
                logName());
        return done;
    }

    /**
     * True when a migrate (no target, not fake) has nothing to do, told without parsing any file: every file of the
     * migrations folder has the hash its history row recorded, and every row of the app has its file (issue 20). The
     * history is read once, without the lock: committed rows that prove every file applied stay true whatever a
     * concurrent run does. False whenever that cannot be shown (a pending or changed file, a partly applied
     * migration, rows written before the hashes existed, Java migrations, migrations that are no folder, a database
     * that cannot be reached or does not exist yet): the parsing path decides, and says what is wrong. Logs the
     * run's summary when true. With {@code group}, refused first where a grouped run is (as migrate refuses it).
     */
    public boolean nothingToApply(boolean group) {
        if (group) {
            Runner.checkGroupable(dialect(), List.of());
        }
        Optional<UnchangedFiles> unchanged = folderFiles();
        if (unchanged.isEmpty() || !javaMigrations().isEmpty()
                || (dataSource == null && !dialect().databaseExists(url()))) {
            return false;
        }
        long start = System.nanoTime();
        try (Connection c = connect()) {
            HistoryTable history = new HistoryTable(dialect());
            if (!history.exists(c) || !unchanged.get().allApplied(forApp(history.read(c)))) {
                return false;
            }
        } catch (ConnectionFailedException | SQLException e) {
            return false; // the parsing path reports a malformed file first, as it always has, or this failure
        }
        RunLog.summary(MigrationResult.APPLY, List.of(), (System.nanoTime() - start) / 1_000_000, logName());
        return true;
    }

    private synchronized boolean graphLoaded() {
        return graph != null;
    }

    /** The folder's file hashes, read once; empty when the migrations are no folder or the loader has words for it. */
    private synchronized Optional<UnchangedFiles> folderFiles() {
        if (folderFiles == null) {
            folderFiles = location instanceof MigrationLocation.Folder folder
                    ? UnchangedFiles.of(folder.dir(), registry) : Optional.empty();
        }
        return folderFiles;
    }

    /** The hash of migration {@code id}'s file, null when it was read from no file of the folder. */
    private synchronized String fileHash(String id) {
        if (fileHashById == null) {
            graph();
            Map<String, String> byId = new java.util.HashMap<>();
            folderFiles().ifPresent(u -> files.forEach(m -> {
                String hash = u.hashOf(m);
                if (hash != null) {
                    byId.put(m.id(), hash);
                }
            }));
            fileHashById = byId;
        }
        return fileHashById.get(id);
    }

    /**
     * Rows applied with files whose bytes have changed since (re-formatted; their checksums were verified equal) or
     * that were recorded without a hash: their current hashes are recorded, so the next no-op parses nothing.
     */
    private void recordFileHashes(Connection c, HistoryTable history, MigrationGraph g, List<AppliedMigration> rows)
            throws SQLException {
        Map<AppliedMigration, String> stale = new LinkedHashMap<>();
        for (AppliedMigration row : rows) {
            Optional<Migration> m = g.find(row.name());
            String hash = m.isEmpty() ? null : fileHash(row.name());
            if (row.complete() && hash != null && !hash.equals(row.fileHash())
                    && !RepeatableRuns.outdated(m.get(), row)) {
                stale.put(row, hash);
            }
        }
        history.recordFileHashes(c, stale);
    }

    /** Applies every pending migration. */
    public List<MigrationResult> migrate() {
        return migrate(null, false, r -> { });
    }

    /** Applies pending migrations up to {@code target}, or reverts back to it when it is applied. */
    public List<MigrationResult> migrate(String target) {
        return migrate(target, false, r -> { });
    }

    /** Reverts the last applied migration. */
    public List<MigrationResult> rollback() {
        return rollback(null, false, r -> { });
    }

    /** Reverts every migration applied after {@code id}; {@code id} stays applied. */
    public List<MigrationResult> rollbackTo(String id) {
        return rollback(id, false, r -> { });
    }

    /** The SQL migration {@code id} runs. */
    public List<String> sql(String id) {
        return sql(id, false);
    }

    /**
     * What stands between the files and the database, without changing anything: applied migrations whose file is
     * gone or changed, migrations that failed part way, and pending ones. Empty when all is applied and intact.
     */
    public List<String> check() {
        MigrationGraph g = graph();
        List<String> problems = new ArrayList<>();
        for (MigrationStatus s : status()) {
            switch (s.state()) {
                case MigrationStatus.PENDING -> problems.add("pending: " + s.id());
                case MigrationStatus.RUNNING -> problems.add("running, or stopped while running: " + s.id() + " ("
                        + s.operationsApplied() + " of " + s.operationsTotal() + " operations applied)");
                case MigrationStatus.FAILED -> problems.add("failed part way: " + s.id() + " (" + s.operationsApplied()
                        + " of " + s.operationsTotal() + " operations applied)");
                case MigrationStatus.MISSING -> problems.add("applied but no file declares it: " + s.id());
                default -> { }
            }
        }
        try (Connection c = connect()) {
            HistoryTable history = new HistoryTable(dialect());
            if (history.exists(c)) {
                for (AppliedMigration row : forApp(history.read(c))) {
                    g.find(row.name()).filter(m -> row.complete() && !Checksums.of(m).equals(row.checksum()))
                            .ifPresent(m -> problems.add((Repeatables.isRepeatable(m)
                                    ? "repeatable, changed since its last run (migrate runs it again): "
                                    : "changed after it was applied: ") + m.id() + " (" + m.where() + ")"));
                }
            }
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": cannot read the history: " + e.getMessage(), e);
        }
        return problems;
    }

    /** The migration that takes the migrations to {@code desired}, named after what it does; no renames guessed. */
    public Optional<Migration> makeMigration(Schema desired) {
        return makeMigration(desired, null, Questioner.NO_RENAMES);
    }

    /**
     * Commands that read or change the history refuse, before any connection, a migrations folder that was named
     * (option, environment, config file) but is not there, and an app named but declared by no migration file: a
     * typo must not end in "No migrations to apply" and a new history table (issue 18).
     */
    private MigrationGraph graphOfNamedFolderAndApp() {
        if (location instanceof MigrationLocation.Folder folder && !Files.exists(folder.dir())
                && !config.origin("migrations_dir").equals("default")) {
            throw new ConfigException("migrations folder " + folder.dir() + " (from " + config.origin("migrations_dir")
                    + ") does not exist");
        }
        MigrationGraph g = graph();
        // an empty folder (a new project) has no app to mistype against: it says "no migrations" truthfully
        if (!config.origin("app").equals("default") && !g.order().isEmpty()
                && g.order().stream().noneMatch(m -> m.app().equals(config.app()))) {
            throw new ConfigException("app '" + config.app() + "' (from " + config.origin("app") + ") is declared by no"
                    + " migration in " + location + " (apps there: " + g.order().stream().map(Migration::app)
                    .distinct().sorted().toList() + ")");
        }
        return g;
    }

    private void checkTarget(MigrationGraph g, String target) {
        if (target == null) {
            return;
        }
        Migration m = g.find(target).orElseThrow(() -> new UnknownMigrationException("no migration " + target
                + " in " + location));
        if (!m.app().equals(config.app())) {
            throw new UnknownMigrationException("migration " + target + " belongs to app " + m.app() + ", not "
                    + config.app() + " (choose the app with --app)");
        }
    }

    /** Reverts the last applied migration, or with {@code to}, every one applied after {@code to}. */
    public List<MigrationResult> rollback(String to, boolean fake, Consumer<MigrationResult> each) {
        RunListener hooks = new RunLog().andThen(listener).andThen(RunListener.afterEach(each));
        graphOfNamedFolderAndApp();
        long start = System.nanoTime();
        List<MigrationResult> done = locked(false, (c, history, read) -> {
            ResolvedGraph view = resolved(read);
            MigrationGraph g = view.graph();
            // repeatable migrations have no reverse: rollback passes over them (as Flyway's undo does)
            List<AppliedMigration> rows = view.collapse(read).stream()
                    .filter(r -> !Repeatables.isRepeatable(r.name())).toList();
            if (rows.isEmpty()) {
                return List.of();
            }
            if (to != null && view.isAbsorbed(to)) {
                throw new UnknownMigrationException("cannot roll back to " + to + ": it is squashed into "
                        + view.absorbedInto(to).orElseThrow() + "; roll back to a migration outside the squash");
            }
            if (to == null) {
                AppliedMigration last = rows.get(rows.size() - 1);
                return revert(g, c, history, List.of(last), fake, hooks);
            }
            return revertAfter(g, c, history, rows, to, fake, hooks);
        });
        RunLog.summary(MigrationResult.REVERT, done, (System.nanoTime() - start) / 1_000_000,
                logName());
        return done;
    }

    /** Every migration with its state, in graph order, then applied ones whose file is gone. */
    public List<MigrationStatus> status() {
        graphOfNamedFolderAndApp();
        List<AppliedMigration> rows = List.of();
        // looking must not create a database (a SQLite file) that is not there yet
        if (dataSource != null || dialect().databaseExists(url())) {
            try (Connection c = connect()) {
                HistoryTable history = new HistoryTable(dialect());
                rows = history.exists(c) ? forApp(history.read(c)) : List.of();
            } catch (SQLException e) {
                throw new CovetException(dialect().name() + ": cannot read the history: " + e.getMessage(), e);
            }
        }
        ResolvedGraph view = resolved(rows);
        Map<String, AppliedMigration> byName = byName(view.collapse(rows));
        List<MigrationStatus> result = new ArrayList<>();
        for (Migration m : RepeatableRuns.last(view.graph().order())) {
            if (!m.app().equals(config.app())) {
                continue;
            }
            AppliedMigration row = byName.remove(m.id());
            String state = row == null ? MigrationStatus.PENDING
                    : row.complete() ? MigrationStatus.APPLIED
                    : AppliedMigration.RUNNING.equals(row.status()) ? MigrationStatus.RUNNING : MigrationStatus.FAILED;
            result.add(new MigrationStatus(m.id(), m.app(), state, row == null ? null : row.appliedAt(),
                    m.location(), row == null ? 0 : row.operationsApplied(), m.operations().size()));
        }
        for (AppliedMigration row : byName.values()) {
            result.add(new MigrationStatus(row.name(), row.app(), MigrationStatus.MISSING, row.appliedAt(), null,
                    row.operationsApplied(), row.operationsTotal()));
        }
        return result;
    }

    /**
     * The SQL migration {@code id} runs, or with {@code backwards} the SQL that reverts it, without a database: the
     * schema a dialect may need is replayed from the migrations before it.
     */
    public List<String> sql(String id, boolean backwards) {
        MigrationGraph g = graph();
        Migration m = g.find(id).orElseThrow(() -> new UnknownMigrationException("no migration " + id + " in "
                + location));
        List<Operation> ops = backwards ? Reverser.reverse(m) : m.operations();
        DeferredSchema state = new DeferredSchema(() -> {
            Schema before = StateReplayer.replay(Schema.EMPTY, g.before(id));
            return backwards ? StateReplayer.replay(before, m) : before;
        });
        List<String> statements = new ArrayList<>();
        for (Operation op : ops) {
            statements.addAll(covet.engine.run.Rendering.render(dialect(), op, state));
            state.applied(op);
        }
        return statements;
    }

    /**
     * How the live database differs from what its applied migrations produce (objects changed by hand), as the
     * operations that would describe the change; empty when they agree, or when the database does not exist yet.
     */
    public List<String> drift() {
        if (!dialect().databaseExists(url())) {
            return List.of();
        }
        try (Connection c = connect()) {
            HistoryTable history = new HistoryTable(dialect());
            if (!history.exists(c)) {
                return List.of();
            }
            return drift(c, graph(), forApp(history.read(c)));
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": cannot read the schema: " + e.getMessage(), e);
        }
    }

    private List<String> drift(Connection c, MigrationGraph g, List<AppliedMigration> rows) throws SQLException {
        Set<String> applied = new HashSet<>();
        rows.stream().filter(AppliedMigration::complete).forEach(r -> applied.add(r.name()));
        List<Migration> done = g.order().stream().filter(m -> applied.contains(m.id())).toList();
        if (done.stream().anyMatch(m -> m.operations().stream().anyMatch(op -> op instanceof covet.api.operation.RunSQL))) {
            // RunSQL changes what the model cannot see: comparing would report phantom drift
            return List.of();
        }
        Schema expected;
        try {
            expected = StateReplayer.replay(Schema.EMPTY, done);
        } catch (CovetException e) {
            return List.of("the applied migrations do not replay on the model: " + e.getMessage());
        }
        // Flyway's and Liquibase's tables stay after adoption: they are no drift
        Schema live = covet.engine.history.OtherToolsTables.without(
                HistoryTable.withoutOwnTables(dialect().introspector().introspect(c)));
        try {
            return new Autodetector(dialect()::normalize, dialect()::sameObject, Questioner.NO_RENAMES).diff(expected, live).stream()
                    .map(covet.engine.diff.DriftDescriber::describe).toList();
        } catch (CovetException e) {
            return List.of(e.getMessage());
        }
    }

    /** The schema the app's migrations on disk produce, replayed on the model; no database needed. */
    public Schema migrationsState() {
        return StateReplayer.replay(Schema.EMPTY,
                graph().order().stream().filter(m -> m.app().equals(config.app())).toList());
    }

    /** The wanted schema from whatever {@code location} is: a schema file, SQL DDL, compiled model classes. */
    public Schema desiredSchema(Path location, String devUrl) {
        return readSchema(schemaSource(location), location, devUrl);
    }

    /**
     * The wanted schema from {@code location}, without what this dialect's migrations will not hold, each of which
     * is named in {@link DesiredSchema#unmanaged()}: objects of kinds the dialect does not manage, and (for SQL DDL)
     * what the introspector lists as unmanaged in the scratch database.
     */
    public DesiredSchema desired(Path location, String devUrl) {
        return readDesired(schemaSource(location), location, devUrl);
    }

    /** The live database as the wanted schema (adopting a database), with what Covet does not manage named. */
    public DesiredSchema desiredFromDatabase() {
        try (Connection c = connect()) {
            covet.api.spi.Introspector introspector = dialect().introspector();
            return new DesiredSchema(HistoryTable.withoutOwnTables(introspector.introspect(c)),
                    introspector.unmanaged(c)).managedBy(dialect().managedObjects());
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": cannot read the schema: " + e.getMessage(), e);
        }
    }

    private SchemaSource schemaSource(Path location) {
        if (!Files.exists(location)) {
            throw new ConfigException("schema " + location + " does not exist");
        }
        return registry.schemaSources().stream().filter(s -> s.accepts(location)).findFirst()
                .orElseThrow(() -> new ConfigException("no schema source reads " + location + " (installed: "
                        + registry.schemaSources().stream().map(SchemaSource::name).toList()
                        + "; a schema file ends in .json, SQL DDL in .sql, models are a folder or jar of classes)"));
    }

    /** Reads {@code location} with {@code source} in this project's dialect. */
    public Schema readSchema(SchemaSource source, Path location, String devUrl) {
        return read(source, location, devUrl, false).schema();
    }

    /** Reads {@code location} with {@code source}, as {@link #desired(Path, String)} does. */
    public DesiredSchema readDesired(SchemaSource source, Path location, String devUrl) {
        return read(source, location, devUrl, true).managedBy(dialect().managedObjects());
    }

    private DesiredSchema read(SchemaSource source, Path location, String devUrl, boolean unmanagedToo) {
        try {
            String scratchServer = devUrl != null ? devUrl : url();
            SchemaContext context = new SchemaContext(dialect(), scratchServer, config.connectionProperties());
            // SQL DDL: what the scratch database holds beyond the model is read before the scratch database goes
            return unmanagedToo && source instanceof SqlSchemaSource sql ? sql.readDesired(location, context)
                    : DesiredSchema.of(source.read(location, context));
        } catch (IOException e) {
            throw new CovetException("cannot read " + location + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": reading " + location + " failed: "
                    + Redactor.redact(e.getMessage(), config.password()), e);
        }
    }

    /**
     * The migration that takes the migrations on disk to {@code desired}, or empty when there is nothing to do.
     * {@code name} may be null for a name derived from the operations.
     */
    public Optional<Migration> makeMigration(Schema desired, String name, Questioner questioner) {
        BranchConflicts.check(graph(), config.app());
        List<Operation> ops = covet.engine.optimize.Optimizer.optimize(
                new Autodetector(dialect()::normalize, dialect()::sameObject, questioner).diff(migrationsState(), desired));
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        String id = MigrationIds.create(LocalDateTime.now(ZoneOffset.UTC), name != null ? name
                : MigrationNamer.name(ops));
        return Optional.of(new Migration(id, config.app(), leaves(), ops));
    }

    /**
     * The migrations that take the migrations on disk to the managed part of {@code desired}: none when there is
     * nothing to do, one, or a chain of migrations of at most {@code maxOperations} operations each
     * ({@link MigrationChain}). {@code name} may be null for a name derived from the operations.
     */
    public List<Migration> makeMigrations(DesiredSchema desired, String name, Questioner questioner,
                                          int maxOperations) {
        return makeMigration(desired.managedBy(dialect().managedObjects()).schema(), name, questioner)
                .map(m -> MigrationChain.split(m, maxOperations)).orElse(List.of());
    }

    /** Writes {@code migrations} (a chain) into the migrations folder, none when a file of one exists already. */
    public List<Path> writeMigrations(List<Migration> migrations, String format) {
        MigrationWriter writer = registry.writer(format);
        if (writer instanceof covet.api.spi.MigrationFilesWriter files) {
            return SqlMigrationFiles.write(this, migrations, files);
        }
        for (Migration m : migrations) {
            Path file = config.migrationsDir().resolve(m.id() + "." + writer.fileExtension());
            if (Files.exists(file)) {
                throw new CovetException("migration file " + file + " exists already; nothing was written");
            }
        }
        return migrations.stream().map(m -> writeMigration(m, format)).toList();
    }

    /** Writes {@code migration} into the migrations folder in {@code format}; returns the file. */
    public Path writeMigration(Migration migration, String format) {
        MigrationWriter writer = registry.writer(format);
        if (writer instanceof covet.api.spi.MigrationFilesWriter files) {
            return SqlMigrationFiles.write(this, List.of(migration), files).get(0);
        }
        Path file = config.migrationsDir().resolve(migration.id() + "." + writer.fileExtension());
        if (Files.exists(file)) {
            throw new CovetException("migration file " + file + " exists already; nothing was written");
        }
        try {
            Files.createDirectories(config.migrationsDir());
            Files.writeString(file, writer.write(migration), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CovetException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The app's migrations no other migration of the app depends on: what a new migration must follow. */
    private List<String> leaves() {
        List<Migration> app = graph().order().stream().filter(m -> m.app().equals(config.app()))
                .filter(m -> !Repeatables.isRepeatable(m)).toList();
        Set<String> depended = new HashSet<>();
        app.forEach(m -> depended.addAll(m.dependencies()));
        return app.stream().map(Migration::id).filter(id -> !depended.contains(id)).toList();
    }

    /** DDL that creates {@code schema} from nothing in this dialect, referenced tables first. */
    public List<String> ddl(Schema schema) {
        List<Operation> ops = new Autodetector(x -> x, Questioner.NO_RENAMES).diff(Schema.EMPTY, schema);
        DeferredSchema state = new DeferredSchema(() -> Schema.EMPTY);
        List<String> statements = new ArrayList<>();
        for (Operation op : ops) {
            statements.addAll(covet.engine.run.Rendering.render(dialect(), op, state));
            state.applied(op);
        }
        return statements;
    }

    /**
     * The SQL script that applies the pending migrations (up to {@code target}, when given), history rows and lock
     * included, for a DBA to run by hand. The history is read from the database; only a database that does not exist
     * yet (or has no history table) is taken as empty, and the script creates the history table. A database that
     * cannot be read (wrong password, unreachable server) is an error: a script written blind would re-apply
     * everything. A migration that stopped part way (FAILED) is resumed after its recorded progress, on its own row.
     */
    public List<String> migrateScript(String target) {
        MigrationGraph g = graphOfNamedFolderAndApp();
        checkTarget(g, target);
        List<AppliedMigration> rows = historyForScript("migrate");
        Set<String> applied = new HashSet<>();
        Map<String, AppliedMigration> partial = new java.util.HashMap<>();
        if (rows != null) {
            rows.stream().filter(AppliedMigration::complete).forEach(r -> applied.add(r.name()));
            for (AppliedMigration r : rows) {
                if (AppliedMigration.RUNNING.equals(r.status())) {
                    throw new CovetException("cannot write the script: migration " + r.name() + " is RUNNING ("
                            + r.operationsApplied() + "/" + r.operationsTotal() + " operations) in " + logName()
                            + ": another deployer holds it, or a run was killed; wait for it, or see "
                            + "showmigrations");
                }
                if (!r.complete()) {
                    partial.put(r.name(), r);
                }
            }
        }
        List<Migration> before = new ArrayList<>();
        List<Migration> pending = new ArrayList<>();
        boolean reached = false;
        for (Migration m : RepeatableRuns.last(g.order())) {
            if (!m.app().equals(config.app())) {
                continue;
            }
            if (applied.contains(m.id())) {
                before.add(m);
            } else if (!reached) {
                pending.add(m);
            }
            reached |= m.id().equals(target);
        }
        return new ScriptWriter(dialect(), url()).apply(before, pending, partial, rows == null);
    }

    /**
     * The SQL script that reverts the last applied migration, or every one after {@code to}. Without a reachable
     * database every migration on disk is taken as applied.
     */
    public List<String> rollbackScript(String to) {
        MigrationGraph g = graphOfNamedFolderAndApp();
        List<AppliedMigration> rows = historyForScript("rollback");
        List<Migration> applied = new ArrayList<>();
        if (rows == null) {
            g.order().stream().filter(m -> m.app().equals(config.app())).forEach(applied::add);
        } else {
            for (AppliedMigration r : rows) {
                applied.add(g.find(r.name()).orElseThrow(() -> new ChecksumMismatchException("cannot write the "
                        + "rollback of " + r.name() + ": no file in " + location + " declares it")));
            }
            // the script reverts only what it undoes: those files must be what was applied
            Map<String, AppliedMigration> recorded = byName(rows);
            List<Migration> checked = applied.isEmpty() ? List.of()
                    : to == null ? applied.subList(applied.size() - 1, applied.size()) : afterTo(applied, to);
            checked.forEach(m -> unchanged(m, recorded.get(m.id())));
        }
        if (applied.isEmpty()) {
            return List.of();
        }
        List<Migration> undo = new ArrayList<>();
        if (to == null) {
            undo.add(applied.get(applied.size() - 1));
        } else {
            int index = applied.stream().map(Migration::id).toList().indexOf(to);
            if (index < 0) {
                throw new UnknownMigrationException("migration " + to + " is not applied (app " + config.app() + ")");
            }
            undo.addAll(applied.subList(index + 1, applied.size()));
            Collections.reverse(undo);
        }
        return new ScriptWriter(dialect(), url()).revert(applied, undo);
    }

    /** The migrations of {@code applied} after {@code to}; empty when {@code to} is not among them. */
    private static List<Migration> afterTo(List<Migration> applied, String to) {
        int index = applied.stream().map(Migration::id).toList().indexOf(to);
        return index < 0 ? List.of() : applied.subList(index + 1, applied.size());
    }

    /**
     * The app's history rows for a script, or null when the database or its history table does not exist yet; a
     * database that is there but cannot be read is an error naming why, never taken as empty.
     */
    private List<AppliedMigration> historyForScript(String command) {
        if (!dialect().databaseExists(url())) {
            return null;
        }
        try (Connection c = connect()) {
            HistoryTable history = new HistoryTable(dialect());
            return history.exists(c) ? forApp(history.read(c)) : null;
        } catch (ConnectionFailedException e) {
            throw new ConnectionFailedException("cannot write the " + command + " script: the history of "
                    + logName() + " cannot be read, and a script written without it would re-apply what is "
                    + "applied: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new CovetException("cannot write the " + command + " script: the history of " + logName()
                    + " cannot be read: " + Redactor.redact(e.getMessage(), config.password()), e);
        }
    }

    /** What the live database holds that Covet does not manage (views, functions, ...), one line each. */
    public List<String> unmanaged() {
        try (Connection c = connect()) {
            return dialect().introspector().unmanaged(c);
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /** The live schema, without Covet's history table. */
    public Schema inspect() {
        try (Connection c = connect()) {
            return HistoryTable.withoutOwnTables(dialect().introspector().introspect(c));
        } catch (SQLException e) {
            throw new CovetException(dialect().name() + ": cannot read the schema: " + e.getMessage(), e);
        }
    }

    private List<MigrationResult> revertAfter(MigrationGraph g, Connection c, HistoryTable history,
                                              List<AppliedMigration> rows, String to, boolean fake,
                                              RunListener hooks) throws SQLException {
        int index = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(to)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new UnknownMigrationException("migration " + to + " is not applied (app " + config.app() + ")");
        }
        return revert(g, c, history, rows.subList(index + 1, rows.size()), fake, hooks);
    }

    /** Reverts {@code rows} newest first, after checking every one can be reverted. */
    private List<MigrationResult> revert(MigrationGraph g, Connection c, HistoryTable history,
                                         List<AppliedMigration> rows, boolean fake,
                                         RunListener hooks) throws SQLException {
        List<AppliedMigration> newestFirst = new ArrayList<>(rows);
        Collections.reverse(newestFirst);
        List<Migration> migrations = new ArrayList<>();
        for (AppliedMigration row : newestFirst) {
            Migration m = g.find(row.name()).orElseThrow(() -> new ChecksumMismatchException(
                    "cannot roll back " + row.name() + ": no file in " + location
                            + " declares it, so its operations are unknown. Nothing was changed."));
            // reverting a file that is not what was applied would undo what never ran (issue 18)
            unchanged(m, row);
            Reverser.reverse(m, Math.min(row.operationsApplied(), m.operations().size()));
            migrations.add(m);
        }
        Runner runner = new Runner(dialect(), c, history, hooks, javaMigrations());
        List<MigrationResult> results = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            results.add(runner.revert(migrations.get(i), newestFirst.get(i), fake,
                    replacements.replaces(migrations.get(i).id())));
        }
        return results;
    }

    /** Every complete applied migration must have its file, unchanged. */
    private void verify(MigrationGraph g, List<AppliedMigration> rows, ResolvedGraph view) {
        for (AppliedMigration row : rows) {
            var m = g.find(row.name());
            if (m.isEmpty() && view.isAbsorbed(row.name())) {
                continue;
            }
            if (m.isEmpty()) {
                throw new ChecksumMismatchException("migration " + row.name() + " is recorded as applied but no file"
                        + " in " + location + " declares it (was the file deleted or renamed?). "
                        + "Restore the file; nothing was changed.");
            }
            unchanged(m.get(), row);
        }
    }

    /**
     * A complete applied migration's file must be what was applied: migrate, rollback, rollback --sql and migrate
     * backwards all refuse a changed one before anything runs, with the same words.
     */
    private void unchanged(Migration m, AppliedMigration row) {
        // the canonical checksum is computed only for a file whose bytes changed since they were recorded
        if (row.complete() && !Repeatables.isRepeatable(row.name())
                && !(row.fileHash() != null && row.fileHash().equals(fileHash(m.id())))
                && !Checksums.of(m).equals(row.checksum())) {
            throw new ChecksumMismatchException("migration " + row.name() + " (" + m.where()
                    + ") was changed after it was applied: its checksum is " + Checksums.of(m)
                    + ", the history records " + row.checksum() + ". Revert the file to what was applied, "
                    + "and put new changes in a new migration; nothing was changed.");
        }
    }

    /** Work done holding the migration lock; package-private for the history commands (repair, baseline, ...). */
    interface SessionWork<T> {
        T run(Connection c, HistoryTable history, List<AppliedMigration> rows) throws SQLException;
    }

    /**
     * Runs {@code work} holding the migration lock, with the history read under the lock. Only where the lock is the
     * transaction (SQLite) is the connection in manual-commit mode; elsewhere it is in autocommit and the Runner
     * opens transactions when it has work.
     */
    <T> T locked(boolean createHistory, SessionWork<T> work) {
        Dialect d = dialect();
        // SQLite's lock is the write transaction itself; elsewhere the lock and the history are read in autocommit,
        // and the Runner opens transactions only when it has a migration to run (a no-op costs no BEGIN/COMMIT)
        boolean lockIsTransaction = d.capabilities().transactionalDdl() && d.capabilities().singleTransactionRun();
        try (Connection c = connect()) {
            boolean autoCommitBefore = c.getAutoCommit();
            c.setAutoCommit(!lockIsTransaction);
            try (MigrationLock.Lease lease = acquire(d, c)) {
                HistoryTable history = new HistoryTable(d).withFileHashes(this::fileHash);
                if (createHistory) {
                    history.ensure(c);
                }
                boolean exists = createHistory || history.exists(c);
                HistoryTable.Read read = exists ? history.readAll(c) : null;
                if (read != null && !read.missing().isEmpty()) {
                    // a table an older Covet created: this session writes, so it gains the columns added since
                    history.addColumns(c, read.missing());
                }
                List<AppliedMigration> rows = read == null ? List.of() : forApp(read.rows());
                T result = work.run(c, history, rows);
                if (!c.getAutoCommit()) {
                    c.commit();
                    if (!lockIsTransaction) {
                        // back to autocommit before the unlock, or the driver wraps it in a BEGIN/COMMIT of its own
                        c.setAutoCommit(true);
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    if (!c.isClosed() && !c.getAutoCommit()) {
                        c.rollback();
                    }
                } catch (SQLException ignored) {
                    // the database discards the transaction with the connection
                }
                throw e;
            } finally {
                restoreAutoCommit(c, autoCommitBefore);
            }
        } catch (SQLException e) {
            throw new CovetException(d.name() + ": " + Redactor.redact(e.getMessage(), config.password()), e);
        }
    }

    /** Takes the migration lock, saying so in the log when another run makes this one wait. */
    private MigrationLock.Lease acquire(Dialect d, Connection c) throws SQLException {
        try (LockWait wait = new LockWait(logName(), config.lockTimeout())) {
            return d.lock().acquire(c, config.lockTimeout());
        }
    }

    /**
     * A pooled connection goes back as it came. On a connection the server dropped, or whose transaction SQLite
     * already rolled back (SQLITE_FULL, SQLITE_IOERR), this fails; that failure must not replace the error that
     * says which migration and operation broke.
     */
    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            if (!c.isClosed() && c.getAutoCommit() != autoCommit) {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the connection is unusable; closing it is all that is left, and try-with-resources does that
        }
    }

    private List<AppliedMigration> forApp(List<AppliedMigration> rows) {
        return rows.stream().filter(r -> r.app().equals(config.app())).toList();
    }

    private static Map<String, AppliedMigration> byName(List<AppliedMigration> rows) {
        Map<String, AppliedMigration> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.name(), r));
        return map;
    }
}
