package covet.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's module table: who may depend on whom. No module depends on a dialect or format module. */
class ArchitectureTest {
    private static JavaClasses covet;

    @BeforeAll
    static void importClasses() {
        covet = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("covet");
        // a rule over no classes passes vacuously: make sure every module was really imported
        for (String c : new String[] {"covet.api.spi.Dialect", "covet.engine.Covet", "covet.cli.Main",
                "covet.writer.json.JsonMigrationWriter", "covet.dialect.sqlite.SqliteDialect",
                "covet.dialect.postgres.PostgresDialect", "covet.dialect.mysql.MysqlDialect"}) {
            org.junit.jupiter.api.Assertions.assertTrue(covet.contain(c), c + " was not imported");
        }
    }

    private static void check(ArchRule rule) {
        rule.check(covet);
    }

    @Test
    void apiDependsOnlyOnTheJdk() {
        check(noClasses().that().resideInAPackage("covet.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("covet.api..", "java..")
                .because("covet.api may depend on java.base and java.sql only"));
    }

    @Test
    void nobodyDependsOnADialect() {
        check(noClasses().that().resideOutsideOfPackage("covet.dialect..")
                .should().dependOnClassesThat().resideInAPackage("covet.dialect..")
                .because("dialects are found at run time through ServiceLoader"));
    }

    @Test
    void dialectsDoNotDependOnEachOtherOrTheEngine() {
        for (String d : new String[] {"sqlite", "postgres", "mysql"}) {
            check(noClasses().that().resideInAPackage("covet.dialect." + d + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("covet.engine..", "covet.writer..",
                            "covet.cli..")
                    .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "another dialect", c -> c.getPackageName().startsWith("covet.dialect.")
                                    && !c.getPackageName().startsWith("covet.dialect." + d)))
                    .because("a dialect depends on covet.api and its JDBC driver only"));
        }
    }

    @Test
    void nobodyDependsOnAFormat() {
        check(noClasses().that().resideOutsideOfPackage("covet.writer..")
                .and().resideOutsideOfPackage("covet.it..")
                .should().dependOnClassesThat().resideInAPackage("covet.writer..")
                .because("migration formats are found at run time through ServiceLoader"));
    }

    @Test
    void engineKnowsNoCliAndWriterKnowsNoEngine() {
        check(noClasses().that().resideInAPackage("covet.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("covet.cli..", "picocli..", "ch.qos.logback.."));
        check(noClasses().that().resideInAPackage("covet.writer..")
                .should().dependOnClassesThat().resideInAnyPackage("covet.engine..", "covet.cli.."));
    }

    @Test
    void cliReachesTheDatabaseOnlyThroughTheEngine() {
        check(noClasses().that().resideInAPackage("covet.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..",
                        "com.mysql..", "com.fasterxml.jackson.."));
    }
}
