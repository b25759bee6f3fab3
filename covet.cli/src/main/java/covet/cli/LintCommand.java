package covet.cli;

import covet.engine.Covet;
import covet.engine.lint.Finding;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.LintRefusedException;
import covet.engine.lint.LintRule;
import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import covet.engine.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "lint", mixinStandardHelpOptions = true,
        header = "Report operations that lose data, fail on rows, or lock/rewrite tables.",
        description = {"Report operations that lose data, fail on existing rows, or lock or rewrite a table on this",
                "database. Lints the given migrations; without ID the pending ones (all of them when the",
                "database cannot be read). Exit 1 on an error-level finding not allowed; rules: docs/lint.md."})
final class LintCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Migrations to lint")
    List<String> ids = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "RULE",
            description = "Do not block on this rule or group, e.g. data-loss/drop-column or data-loss (repeatable)")
    List<String> allow = new ArrayList<>();

    @Option(names = "--strict", description = "Warnings block too (for CI)")
    boolean strict;

    @Override
    public Integer call() {
        if (fleet.active()) {
            return FleetRun.run(root, fleet, "lint", FleetTasks.lint(ids, policy(allow, strict)));
        }
        LintPolicy policy = policy(allow, strict);
        Covet covet = root.covet();
        MigrationSelection selection = MigrationSelection.of(covet, ids);
        List<Finding> findings = ProjectLint.lint(covet, selection);
        List<Finding> blocking = policy.blocking(findings);
        if (root.json()) {
            var doc = JsonOut.document("lint", blocking.isEmpty());
            doc.put("scope", selection.scope());
            doc.put("migrations", selection.ids());
            doc.put("findings", json(findings, policy));
            doc.put("blocking", blocking.size());
            JsonOut.print(doc);
            return blocking.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        for (Finding f : findings) {
            System.out.println(shown(f, policy));
        }
        System.err.println("lint: " + selection.ids().size() + " " + (selection.ids().size() == 1 ? "migration"
                : "migrations") + " (" + selection.scope() + "), " + findings.size() + " "
                + (findings.size() == 1 ? "finding" : "findings") + ", " + blocking.size() + " blocking");
        if (!blocking.isEmpty()) {
            System.err.println(advice(blocking));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * The policy for {@code --allow} and {@code --strict}; an unknown rule is bad usage. Shared with the commands
     * that lint before they act ({@code migrate}, {@code makemigrations}).
     */
    static LintPolicy policy(List<String> allow, boolean strict) {
        try {
            return LintPolicy.of(allow, strict);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * For a command about to act ({@code migrate}, {@code makemigrations}): prints the findings on standard error
     * (unless {@code --json}) and throws when the policy blocks, before anything is changed.
     *
     * @throws LintRefusedException naming the blocking findings and the {@code --allow} options that let them pass
     */
    static void enforce(String command, List<Finding> findings, LintPolicy policy, boolean json) {
        if (!json) {
            for (Finding f : findings) {
                System.err.println("lint: " + shown(f, policy));
            }
        }
        List<Finding> blocking = policy.blocking(findings);
        if (!blocking.isEmpty()) {
            throw LintRefusedException.of(command, blocking);
        }
    }

    /** A finding as the policy sees it: warnings shown as errors under --strict, allowed ones marked. */
    static String shown(Finding f, LintPolicy policy) {
        Severity effective = policy.effectiveSeverity(f);
        return f.withSeverity(effective).line() + (policy.allows(f.rule()) ? " [allowed]" : "");
    }

    static List<Object> json(List<Finding> findings, LintPolicy policy) {
        List<Object> out = new ArrayList<>();
        for (Finding f : findings) {
            @SuppressWarnings("unchecked")
            var m = (java.util.Map<String, Object>) JsonOut.data(f.withSeverity(policy.effectiveSeverity(f)));
            m.put("allowed", policy.allows(f.rule()));
            out.add(m);
        }
        return out;
    }

    private static String advice(List<Finding> blocking) {
        List<String> rules = blocking.stream().map(Finding::rule).distinct().toList();
        StringBuilder b = new StringBuilder("If this is intended, pass");
        for (String r : rules) {
            b.append(" --allow ").append(r);
        }
        LintRule.byId(rules.get(0)).ifPresent(r -> b.append(" (").append(r.id()).append(": ").append(r.summary())
                .append(")"));
        return b.toString();
    }
}
