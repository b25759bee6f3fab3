package covet.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL format is a plugin like the JSON one: it depends on covet.api only, and no module requires it (a named
 * module cannot use a class of a module it does not require, so that is every dependency on it).
 */
class SqlFormatArchitectureTest {

    @Test
    void sqlFormatDependsOnTheApiOnly() {
        // the module's own jar only: scanning the whole module path for one package is slow
        java.net.URI jar = ModuleLayer.boot().configuration().findModule("covet.format.sql").orElseThrow()
                .reference().location().orElseThrow();
        JavaClasses format = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(List.of(com.tngtech.archunit.core.importer.Location.of(jar)));
        assertTrue(format.contain("covet.format.sql.SqlMigrationSource"), "the SQL format was imported");
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("covet.format.sql..", "covet.api..",
                "java..").because("a format plugin depends on covet.api only").check(format);
    }

    @Test
    void noModuleRequiresTheSqlFormat() {
        Module sql = ModuleLayer.boot().findModule("covet.format.sql").orElseThrow(
                () -> new AssertionError("covet.format.sql is not on the module path"));
        assertEquals(List.of("covet.api", "java.base"), sql.getDescriptor().requires().stream()
                .map(ModuleDescriptor.Requires::name).sorted().toList());
        List<String> requiring = ModuleLayer.boot().modules().stream()
                .filter(m -> m.getDescriptor().requires().stream().anyMatch(r -> r.name().equals("covet.format.sql")))
                .map(Module::getName).toList();
        assertEquals(List.of(), requiring, "formats are found at run time through ServiceLoader");
    }
}
