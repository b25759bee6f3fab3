package covet.engine.fleet;

import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.config.Redactor;
import covet.engine.plugin.PluginRegistry;
import covet.engine.run.RunListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A fleet run: one task (migrate, showmigrations, ...) on many databases, {@code parallel} at a time, each through a
 * {@link Covet} of its own with the settings of the run and the target's URL. Each target's work takes that
 * database's own migration lock, so several fleet runs at once (replicas of one deployment) never apply a migration
 * twice: where two meet, one waits and then finds nothing to do. Each run starts at a random place in the list, so
 * that replicas spread over the fleet instead of queueing behind each other, and between them finish it.
 * <p>
 * Without {@code continueOnError} the first failure stops the run from starting more targets (those running finish;
 * the others are reported as skipped), as Flyway and Liquibase stop at the first error. Nothing here prints: each
 * result goes to a callback as it finishes.
 */
public final class Fleet {
    private final CovetConfig base;
    private final PluginRegistry registry;
    private final List<FleetTarget> targets;
    private final BiFunction<CovetConfig, RunListener, Covet> covets;
    private int parallel = 1;
    private boolean continueOnError;
    private boolean shuffle = true;

    /**
     * A fleet with {@code base}'s settings; {@code covets} makes the Covet of one target from its settings and a
     * listener (so that each target reads the same migrations, wherever the first Covet found them).
     */
    public Fleet(CovetConfig base, PluginRegistry registry, List<FleetTarget> targets,
                 BiFunction<CovetConfig, RunListener, Covet> covets) {
        this.base = base;
        this.registry = registry;
        this.targets = List.copyOf(targets);
        this.covets = covets;
    }

    /** Targets worked on at once (1 by default). */
    public Fleet parallel(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + n);
        }
        this.parallel = n;
        return this;
    }

    /** Keep starting targets after one failed (default: stop starting new ones). */
    public Fleet continueOnError(boolean yes) {
        this.continueOnError = yes;
        return this;
    }

    /** Work through the targets in file order instead of from a random place (default: random). */
    public Fleet inOrder() {
        this.shuffle = false;
        return this;
    }

    public List<FleetTarget> targets() {
        return targets;
    }

    /** Applies pending migrations on every target. */
    public FleetSummary migrate(Consumer<TargetResult> each) {
        return run(covet -> {
            var results = covet.migrate(null, false, r -> { });
            return new TargetOutcome(results.isEmpty() ? TargetResult.CURRENT : TargetResult.APPLIED,
                    results.size(), results.stream().map(r -> r.id()).toList());
        }, each);
    }

    /** Runs {@code task} on every target; {@code each} gets each result as it finishes (from worker threads). */
    public FleetSummary run(FleetTask task, Consumer<TargetResult> each) {
        long start = System.nanoTime();
        List<FleetTarget> order = new ArrayList<>(targets);
        if (shuffle && !order.isEmpty()) {
            Collections.rotate(order, ThreadLocalRandom.current().nextInt(order.size()));
        }
        registry.dialects(); // discovery once, before the workers
        List<TargetResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, order.size())), r -> {
            Thread t = new Thread(r, "covet-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            for (FleetTarget target : order) {
                pool.execute(() -> {
                    TargetResult r = stop.get()
                            ? new TargetResult(target.name(), TargetResult.SKIPPED, 0, List.of(),
                            "not started: an earlier target failed (pass --continue-on-error to go on)", 0)
                            : runOne(target, task);
                    if (r.failed() && !continueOnError) {
                        stop.set(true);
                    }
                    results.add(r);
                    synchronized (each) {
                        each.accept(r);
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        try {
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // a fleet of slow migrations: keep waiting; each target has its own lock timeout
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return new FleetSummary(results, (System.nanoTime() - start) / 1_000_000);
    }

    private TargetResult runOne(FleetTarget target, FleetTask task) {
        long start = System.nanoTime();
        try {
            List<String> warnings = Collections.synchronizedList(new ArrayList<>());
            Covet covet = covets.apply(forTarget(target), new RunListener() {
                @Override
                public void onWarning(String warning) {
                    warnings.add("warning: " + warning);
                }
            });
            TargetOutcome outcome = task.run(covet);
            List<String> details = new ArrayList<>(outcome.details());
            details.addAll(warnings);
            return new TargetResult(target.name(), outcome.status(), outcome.count(), details, null,
                    millisSince(start));
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new TargetResult(target.name(), TargetResult.FAILED, 0, List.of(),
                    Redactor.redact(message, base.password()), millisSince(start));
        }
    }

    /** The run's settings with the target's URL. */
    CovetConfig forTarget(FleetTarget target) {
        Map<String, String> origins = new HashMap<>(base.origins());
        origins.put("url", "targets file (" + target.name() + ")");
        return new CovetConfig(target.url(), null, null, null, null, base.user(), base.password(), base.dialect(),
                base.projectRoot(), base.migrationsDir(), base.app(), base.lockTimeout(), base.schema(),
                base.models(), base.modelsPackage(), base.devUrl(), base.maxOperationsPerMigration(), origins);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
