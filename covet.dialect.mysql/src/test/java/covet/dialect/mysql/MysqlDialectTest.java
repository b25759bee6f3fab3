package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.DropCheck;
import covet.api.operation.RenameColumn;
import covet.api.spi.Dialect;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MysqlDialectTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void isFoundByServiceLoader() {
        getClass().getModule().addUses(Dialect.class);
        List<String> names = ServiceLoader.load(Dialect.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("mysql"), names.toString());
        assertEquals(Dialect.API_VERSION, dialect.apiVersion());
    }

    @Test
    void urls() {
        assertTrue(dialect.acceptsUrl("jdbc:mysql://db:3306/app"));
        assertFalse(dialect.acceptsUrl("jdbc:mariadb://db:3306/app"));
        assertFalse(dialect.acceptsUrl("jdbc:postgresql://db/app"));
        assertEquals("jdbc:mysql://127.0.0.1:3306/app", dialect.jdbcUrl(null, null, "app"));
        assertEquals("jdbc:mysql://db:3307/my%20app", dialect.jdbcUrl("db", 3307, "my app"));
        SQLException e = assertThrows(SQLException.class,
                () -> dialect.connect("jdbc:mariadb://127.0.0.1/x", new Properties()));
        assertTrue(e.getMessage().startsWith("mysql: jdbc:mariadb:"), e.getMessage());
    }

    @Test
    void flavorComesFromTheVersionString() {
        assertEquals(MysqlFlavor.MARIADB, MysqlFlavor.fromVersion("5.5.5-10.11.19-MariaDB-0+deb12u1"));
        assertEquals(MysqlFlavor.MYSQL, MysqlFlavor.fromVersion("8.4.3"));
    }

    @Test
    void capabilitiesAreConservative() {
        assertFalse(dialect.capabilities().transactionalDdl());
        assertFalse(dialect.capabilities().partialIndexes());
        assertFalse(dialect.capabilities().expressionIndexes());
        assertTrue(dialect.capabilities().checkConstraints());
    }

    @Test
    void quotesWithBackticks() {
        assertEquals("`a``b`", dialect.quoteIdentifier("a`b"));
        assertEquals(List.of("ALTER TABLE `t` RENAME COLUMN `a` TO `b`"),
                dialect.render(new RenameColumn("t", "a", "b"), null));
        assertEquals(List.of("ALTER TABLE `t` DROP CONSTRAINT `c`"), dialect.render(new DropCheck("t", "c", null), null));
    }

    @Test
    void alterColumnWritesTheWholeDefinition() {
        Column c = new Column("n", LogicalType.varchar(20), false, "'x'", false, "it's");
        assertEquals(List.of("ALTER TABLE `t` MODIFY COLUMN `n` varchar(20) NOT NULL DEFAULT 'x' COMMENT 'it''s'"),
                dialect.render(new AlterColumn("t", c, null), null));
    }

    @Test
    void partialIndexesAreRefusedWhenRendered() {
        Index partial = new Index("i", List.of(IndexColumn.of("a")), false, "a > 0");
        MysqlUnsupportedException e = assertThrows(MysqlUnsupportedException.class,
                () -> dialect.render(new CreateIndex("t", partial), null));
        assertTrue(e.getMessage().startsWith("mysql: partial indexes are not supported"), e.getMessage());
        assertEquals(List.of("CREATE FULLTEXT INDEX `f` ON `t` (`a`, `b`)"), dialect.render(new CreateIndex("t",
                new Index("f", List.of(IndexColumn.of("a"), IndexColumn.of("b")), false, null)
                        .withMethod(MysqlIndexKind.FULLTEXT)), null));
        // the marker older migration files hold in where still means FULLTEXT
        assertEquals(List.of("CREATE FULLTEXT INDEX `f` ON `t` (`a`)"), dialect.render(new CreateIndex("t",
                new Index("f", List.of(IndexColumn.of("a")), false, "mysql:FULLTEXT")), null));
        assertEquals(List.of("CREATE SPATIAL INDEX `g` ON `t` (`p`)"), dialect.render(new CreateIndex("t",
                Index.on("g", "p").withMethod("SPATIAL")), null));
        assertEquals(List.of("CREATE INDEX `e` ON `t` ((lower(`a`)) DESC, `b`(10))"), dialect.render(
                new CreateIndex("t", new Index("e", List.of(new IndexColumn(null, "lower(`a`)", true),
                        IndexColumn.expression("`b`(10)")), false, null)), null));
        assertEquals("`x` bigint NOT NULL AUTO_INCREMENT", new MysqlRenderer(dialect::quoteIdentifier)
                .columnDefinition(new Column("x", LogicalType.of(TypeKind.BIGINT), false, null, true, null)));
    }
}
