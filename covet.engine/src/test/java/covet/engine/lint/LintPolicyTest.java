package covet.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LintPolicyTest {
    static final Finding DROP = new Finding("data-loss/drop-column", Severity.ERROR, "m1", 1, "DropColumn",
            "drop column users.bio", "gone");
    static final Finding NARROW = new Finding("data-loss/narrow-type", Severity.ERROR, "m1", 2, "AlterColumn",
            "alter column users.name", "shorter");
    static final Finding REBUILD = new Finding("rewrite/table-rebuild", Severity.WARNING, "m1", 3, "AlterColumn",
            "alter column users.age", "rebuilt");
    static final List<Finding> ALL = List.of(DROP, NARROW, REBUILD);

    @Test
    void errorsBlockAndWarningsDoNot() {
        assertEquals(List.of(DROP, NARROW), Linter.blocking(ALL, LintPolicy.DEFAULT));
    }

    @Test
    void allowSuppressesOneRuleOrAGroup() {
        assertEquals(List.of(NARROW), Linter.blocking(ALL, LintPolicy.of(List.of("data-loss/drop-column"), false)));
        assertEquals(List.of(), Linter.blocking(ALL, LintPolicy.of(List.of("data-loss"), false)));
    }

    @Test
    void strictTurnsWarningsIntoErrors() {
        List<Finding> blocking = Linter.blocking(ALL, LintPolicy.of(List.of("data-loss"), true));
        assertEquals(List.of(REBUILD.withSeverity(Severity.ERROR)), blocking);
        assertEquals(List.of(), Linter.blocking(ALL, LintPolicy.of(List.of("data-loss", "rewrite/table-rebuild"),
                true)));
    }

    @Test
    void anUnknownRuleIsRefusedNotIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LintPolicy.of(List.of("data-loss/drop-colum"), false));
        assertTrue(e.getMessage().contains("unknown lint rule 'data-loss/drop-colum'"), e.getMessage());
        assertTrue(e.getMessage().contains("data-loss/drop-column"), e.getMessage());
    }
}
