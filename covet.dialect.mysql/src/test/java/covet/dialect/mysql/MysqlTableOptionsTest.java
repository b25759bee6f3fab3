package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Column;
import covet.api.model.Table;
import covet.api.operation.AlterTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table options as read from information_schema, and the ALTER TABLE statements that change them. */
class MysqlTableOptionsTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void onlyWhatDiffersFromTheDatabaseDefaultsIsAnOption() {
        assertEquals(Map.of(), MysqlTableOptions.read("InnoDB", "utf8mb4_general_ci", "", "InnoDB",
                "utf8mb4_general_ci"));
        assertEquals(Map.of("engine", "MyISAM", "collate", "latin1_swedish_ci", "pack_keys", "1",
                        "row_format", "COMPRESSED"),
                MysqlTableOptions.read("MyISAM", "latin1_swedish_ci", "pack_keys=1 row_format=COMPRESSED partitioned",
                        "InnoDB", "utf8mb4_general_ci"));
        assertEquals(Map.of("engine", "MyISAM", "collate", "utf8mb3_bin"),
                MysqlTableOptions.normalize(Map.of("ENGINE", "myisam", "Collate", "UTF8MB3_BIN", "charset", "x")));
    }

    @Test
    void createTableWritesOptionsAndAColumnCollationBeforeAVirtualExpression() {
        Table t = Table.of("t", List.of(Column.of("id", "integer"),
                Column.of("v", "native:varchar(5) generated always as (`id` + 1) virtual").withCollation("latin1_bin")),
                null).withOptions(Map.of("engine", "MyISAM", "collate", "latin1_swedish_ci", "pack_keys", "1"));
        assertEquals(List.of("CREATE TABLE `t` (\n  `id` int NULL,\n  `v` varchar(5) COLLATE latin1_bin generated always"
                + " as (`id` + 1) virtual\n) COLLATE=latin1_swedish_ci ENGINE=MyISAM PACK_KEYS=1"),
                dialect.render(new covet.api.operation.CreateTable(t), () -> null));
    }

    @Test
    void aNewTableCollationConvertsAndGivesDeclaringColumnsTheirOwnBack() {
        Table current = Table.of("t", List.of(Column.of("a", "varchar(5)"),
                Column.of("b", "varchar(5)").withCollation("utf8mb4_bin")), null);
        AlterTable op = new AlterTable("t", null, Map.of("collate", "latin1_swedish_ci", "row_format", "DYNAMIC"),
                null, Map.of());
        assertEquals(List.of("ALTER TABLE `t` CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci,"
                        + " ROW_FORMAT=DYNAMIC",
                "ALTER TABLE `t` MODIFY COLUMN `b` varchar(5) COLLATE utf8mb4_bin NULL"),
                dialect.render(op, () -> new covet.api.model.Schema(List.of(current))));
        assertEquals(List.of("ALTER TABLE `t` CONVERT TO CHARACTER SET DEFAULT, ROW_FORMAT=DEFAULT",
                        "ALTER TABLE `t` MODIFY COLUMN `b` varchar(5) COLLATE utf8mb4_bin NULL"),
                dialect.render(op.reverse().orElseThrow(), () -> new covet.api.model.Schema(List.of(current))));
    }
}
