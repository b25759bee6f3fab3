package covet.cli;

import covet.engine.MigrationStatus;
import covet.engine.fleet.FleetTask;
import covet.engine.fleet.TargetOutcome;
import covet.engine.fleet.TargetResult;
import covet.engine.lint.Finding;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.LintRefusedException;
import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import covet.engine.run.MigrationResult;
import covet.engine.verify.ProjectVerify;
import covet.engine.verify.VerifyResult;
import java.util.ArrayList;
import java.util.List;

/** What each fleet-capable command does on one target: the single-database command's work, reported as a value. */
final class FleetTasks {
    private FleetTasks() {
    }

    /** Lint of the target's pending migrations (blocking findings fail the target), then migrate. */
    static FleetTask migrate(String target, boolean fake, boolean group, LintPolicy policy) {
        return covet -> {
            List<String> details = new ArrayList<>();
            if (!fake) {
                List<Finding> findings = ProjectLint.lint(covet, MigrationSelection.pending(covet, target));
                findings.forEach(f -> details.add("lint: " + LintCommand.shown(f, policy)));
                List<Finding> blocking = policy.blocking(findings);
                if (!blocking.isEmpty()) {
                    throw LintRefusedException.of("migrate", blocking);
                }
            }
            List<MigrationResult> results = covet.migrate(target, fake, group || covet.grouped(), r -> { });
            results.forEach(r -> details.add((r.direction().equals(MigrationResult.APPLY) ? "applied " : "reverted ")
                    + r.id()));
            return new TargetOutcome(results.isEmpty() ? TargetResult.CURRENT : TargetResult.APPLIED,
                    results.size(), details);
        };
    }

    static FleetTask rollback(String to, boolean fake) {
        return covet -> {
            List<MigrationResult> results = covet.rollback(to, fake, r -> { });
            return new TargetOutcome(results.isEmpty() ? TargetResult.CURRENT : TargetResult.REVERTED,
                    results.size(), results.stream().map(r -> "reverted " + r.id()).toList());
        };
    }

    /** Current when nothing is pending, failed part way or missing; otherwise ok with the count of those. */
    static FleetTask showMigrations() {
        return covet -> {
            List<MigrationStatus> all = covet.status();
            List<String> notApplied = all.stream().filter(s -> !s.state().equals(MigrationStatus.APPLIED))
                    .map(s -> s.state() + " " + s.id()).toList();
            return new TargetOutcome(notApplied.isEmpty() ? TargetResult.CURRENT : TargetResult.OK,
                    notApplied.size(), notApplied);
        };
    }

    static FleetTask lint(List<String> ids, LintPolicy policy) {
        return covet -> {
            List<Finding> findings = ProjectLint.lint(covet, MigrationSelection.of(covet, ids));
            List<Finding> blocking = policy.blocking(findings);
            if (!blocking.isEmpty()) {
                throw LintRefusedException.of("lint", blocking);
            }
            return new TargetOutcome(TargetResult.OK, findings.size(),
                    findings.stream().map(f -> "lint: " + LintCommand.shown(f, policy)).toList());
        };
    }

    static FleetTask verify(List<String> ids, String devUrl) {
        return covet -> {
            List<VerifyResult> results = ProjectVerify.verify(covet, MigrationSelection.of(covet, ids), devUrl);
            List<VerifyResult> failed = results.stream().filter(r -> !r.ok()).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException(failed.size() + " migration(s) do not roll back cleanly: "
                        + String.join(", ", failed.stream().map(VerifyResult::migrationId).toList()));
            }
            return new TargetOutcome(TargetResult.OK, results.size(), results.stream().map(VerifyResult::line)
                    .toList());
        };
    }
}
