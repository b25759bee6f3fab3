package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The partitioning read from information_schema.PARTITIONS rows, and the ALTER TABLE clauses between two lists. */
class MysqlPartitionsTest {
    private static final String TWO = "(PARTITION `p0` VALUES LESS THAN (2000),\n PARTITION `p1` VALUES LESS THAN (2010))";

    @Test
    void hashPartitionsNamedTheServersWayAreACount() {
        List<MysqlPartitions.Row> rows = List.of(row("p0", null), row("p1", null), row("p2", null));
        assertEquals(List.of("HASH (`id`)", "PARTITIONS 3"), List.of(MysqlPartitions.read(rows)));
    }

    @Test
    void rangePartitionsWithDefaultSubpartitionsAreListed() {
        List<MysqlPartitions.Row> rows = List.of(
                new MysqlPartitions.Row("p0", "p0sp0", "RANGE", "HASH", "year(`d`)", "`id`", "2000", ""),
                new MysqlPartitions.Row("p0", "p0sp1", "RANGE", "HASH", "year(`d`)", "`id`", "2000", ""),
                new MysqlPartitions.Row("p1", "p1sp0", "RANGE", "HASH", "year(`d`)", "`id`", "MAXVALUE", "rest"),
                new MysqlPartitions.Row("p1", "p1sp1", "RANGE", "HASH", "year(`d`)", "`id`", "MAXVALUE", "rest"));
        assertEquals(List.of("RANGE (year(`d`)) SUBPARTITION BY HASH (`id`) SUBPARTITIONS 2",
                "(PARTITION `p0` VALUES LESS THAN (2000),\n PARTITION `p1` VALUES LESS THAN MAXVALUE COMMENT = 'rest')"),
                List.of(MysqlPartitions.read(rows)));
    }

    @Test
    void alterAddsDropsCoalescesOrReorganises() {
        assertNull(MysqlPartitions.alter(TWO, TWO));
        String three = TWO.substring(0, TWO.length() - 1) + ",\n PARTITION `p2` VALUES LESS THAN MAXVALUE)";
        assertEquals("ADD PARTITION (PARTITION `p2` VALUES LESS THAN MAXVALUE)", MysqlPartitions.alter(TWO, three));
        assertEquals("DROP PARTITION `p2`", MysqlPartitions.alter(three, TWO));
        assertEquals("ADD PARTITION PARTITIONS 2", MysqlPartitions.alter("PARTITIONS 2", "PARTITIONS 4"));
        assertEquals("COALESCE PARTITION 1", MysqlPartitions.alter("PARTITIONS 4", "PARTITIONS 3"));
        String split = "(PARTITION `p0` VALUES LESS THAN (1990), PARTITION `p0b` VALUES LESS THAN (2000),"
                + " PARTITION `p1` VALUES LESS THAN (2010))";
        assertEquals("REORGANIZE PARTITION `p0`, `p1` INTO " + split, MysqlPartitions.alter(TWO, split));
        assertThrows(MysqlUnsupportedException.class, () -> MysqlPartitions.alter(null, TWO));
    }

    private static MysqlPartitions.Row row(String name, String description) {
        return new MysqlPartitions.Row(name, null, "HASH", null, "`id`", null, description, "");
    }
}
