package covet.engine.lint;

import covet.api.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What blocks: error-level findings, plus warnings under {@code strict} (for CI), except rules named in
 * {@code allowed}. An allowed name is a rule id ({@code data-loss/drop-column}) or a whole group
 * ({@code data-loss}).
 */
public record LintPolicy(Set<String> allowed, boolean strict) {

    /** Errors block, warnings do not, nothing allowed. */
    public static final LintPolicy DEFAULT = new LintPolicy(Set.of(), false);

    public LintPolicy {
        allowed = allowed == null ? Set.of() : Set.copyOf(allowed);
    }

    /**
     * The policy for {@code --allow} values and {@code --strict}; an unknown rule is an error listing the known ones,
     * so that a typo never allows nothing silently.
     */
    public static LintPolicy of(List<String> allow, boolean strict) {
        List<String> names = allow == null ? List.of() : allow;
        for (String name : names) {
            Preconditions.check(name != null && LintRule.known(name.strip()), "unknown lint rule '" + name
                    + "' (rules: " + String.join(", ", ruleIds()) + "; a group such as 'data-loss' allows all of it)");
        }
        return new LintPolicy(Set.copyOf(names.stream().map(String::strip).toList()), strict);
    }

    public boolean allows(String rule) {
        for (String a : allowed) {
            if (rule.equals(a) || rule.startsWith(a + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The severity {@code finding} has under this policy: warnings count as errors when strict. */
    public Severity effectiveSeverity(Finding finding) {
        return strict ? Severity.ERROR : finding.severity();
    }

    /** The findings that stop {@code migrate}: error-level under this policy and not allowed, as errors. */
    public List<Finding> blocking(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (effectiveSeverity(f) == Severity.ERROR && !allows(f.rule())) {
                out.add(f.withSeverity(Severity.ERROR));
            }
        }
        return out;
    }

    private static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (LintRule r : LintRule.values()) {
            ids.add(r.id());
        }
        return ids;
    }
}
