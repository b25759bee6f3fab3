package covet.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The SQL format is a plugin like the JSON one: it depends on covet.api only, and nothing depends on it. */
class SqlFormatArchitectureTest {

    @Test
    void sqlFormatIsAPluginOnTheApiOnly() {
        JavaClasses covet = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("covet");
        Assertions.assertTrue(covet.contain("covet.format.sql.SqlMigrationSource"), "the SQL format was imported");
        noClasses().that().resideInAPackage("covet.format.sql..")
                .should().dependOnClassesThat().resideOutsideOfPackages("covet.format.sql..", "covet.api..", "java..")
                .because("a format plugin depends on covet.api only").check(covet);
        noClasses().that().resideOutsideOfPackages("covet.format.sql..", "covet.it..")
                .should().dependOnClassesThat().resideInAPackage("covet.format.sql..")
                .because("formats are found at run time through ServiceLoader").check(covet);
    }
}
