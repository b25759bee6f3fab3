package covet.cli;

import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.fleet.Fleet;
import covet.engine.fleet.FleetSummary;
import covet.engine.fleet.FleetTarget;
import covet.engine.fleet.FleetTargets;
import covet.engine.fleet.FleetTask;
import covet.engine.fleet.TargetResult;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A command run over a fleet ({@code --targets FILE}): one line per target as it finishes, then a summary line
 * (applied, current, failed, ...); with {@code --json}, one document with an entry per target. Exit 1 when any
 * target failed, 0 otherwise.
 */
final class FleetRun {
    private FleetRun() {
    }

    static int run(CovetCommand root, FleetOptions options, String command, FleetTask task) {
        if (root.url != null) {
            throw new UsageException("--targets and --url exclude each other: the targets file names the databases");
        }
        if (options.parallel < 1) {
            throw new UsageException("--parallel must be at least 1, not " + options.parallel);
        }
        Covet covet = root.covet();
        CovetConfig config = covet.config();
        List<FleetTarget> targets = FleetTargets.read(options.targets, covet.registry(),
                config.connectionProperties());
        covet.graph(); // a malformed migration file fails once, before any target is touched
        Fleet fleet = covet.fleet(targets).parallel(options.parallel).continueOnError(options.continueOnError);
        AtomicInteger done = new AtomicInteger();
        int width = String.valueOf(targets.size()).length();
        FleetSummary summary = fleet.run(task, r -> {
            if (!root.json()) {
                System.out.println(line(r, done.incrementAndGet(), targets.size(), width));
                System.out.flush();
            }
        });
        if (root.json()) {
            var doc = JsonOut.document(command, !summary.anyFailed());
            doc.put("targets", JsonOut.data(summary.results()));
            doc.put("summary", summary.counts());
            doc.put("millis", summary.millis());
            JsonOut.print(doc);
        } else {
            System.out.println(command + ": " + summary.line());
            summary.results().stream().filter(TargetResult::failed)
                    .forEach(r -> System.err.println("failed: " + r.target()));
        }
        return summary.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** {@code [ 17/250] tenant_17: applied 2 (0.8 s)}, the error's lines indented below a failure. */
    static String line(TargetResult r, int n, int total, int width) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[%" + width + "d/%d] %s: %s", n, total,
                r.target(), r.status()));
        if (!r.failed() && !TargetResult.SKIPPED.equals(r.status()) && r.count() > 0) {
            b.append(' ').append(r.count());
        }
        b.append(String.format(Locale.ROOT, " (%.1f s)", r.millis() / 1000.0));
        if (r.error() != null) {
            r.error().lines().forEach(l -> b.append("\n    ").append(l));
        }
        r.details().stream().filter(d -> d.startsWith("warning: ") || d.startsWith("lint: ") || d.startsWith("FAIL"))
                .forEach(d -> b.append("\n    ").append(d));
        return b.toString();
    }
}
