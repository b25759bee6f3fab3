package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.TypeKind;
import org.junit.jupiter.api.Test;

class MysqlTypesTest {

    private static String read(String columnType) {
        return MysqlTypes.fromColumnType(columnType).spelling();
    }

    @Test
    void logicalTypesHaveTheirMysqlSpelling() {
        assertEquals("tinyint(1)", MysqlTypes.toSql(LogicalType.of(TypeKind.BOOLEAN)));
        assertEquals("datetime", MysqlTypes.toSql(LogicalType.of(TypeKind.TIMESTAMP)));
        assertEquals("timestamp", MysqlTypes.toSql(LogicalType.of(TypeKind.TIMESTAMPTZ)));
        assertEquals("longblob", MysqlTypes.toSql(LogicalType.of(TypeKind.BINARY)));
        assertEquals("char(36)", MysqlTypes.toSql(LogicalType.of(TypeKind.UUID)));
        assertEquals("decimal(10,0)", MysqlTypes.toSql(LogicalType.of(TypeKind.DECIMAL)));
        assertEquals("varchar(255)", MysqlTypes.toSql(LogicalType.of(TypeKind.VARCHAR)));
        assertEquals("enum('a','b')", MysqlTypes.toSql(ColumnType.parse("native:enum('a','b')")));
    }

    @Test
    void columnTypesReadBackAsLogicalWhereTheyCan() {
        assertEquals("integer", read("int(11)"));
        assertEquals("integer", read("int"));
        assertEquals("boolean", read("tinyint(1)"));
        assertEquals("native:tinyint", read("tinyint(4)"));
        assertEquals("native:tinyint unsigned", read("tinyint(3) unsigned"));
        assertEquals("native:int unsigned", read("int(10) unsigned"));
        assertEquals("native:int(5) unsigned zerofill", read("int(5) unsigned zerofill"));
        assertEquals("decimal(5,2)", read("decimal(5,2)"));
        assertEquals("decimal(10,2)", read("NUMERIC(10, 2)"));
        assertEquals("varchar(160)", read("NVARCHAR(160)"));
        assertEquals("timestamp", read("datetime"));
        assertEquals("timestamptz", read("timestamp"));
        assertEquals("native:datetime(6)", read("datetime(6)"));
        assertEquals("double", read("double precision"));
        assertEquals("native:year", read("year(4)"));
        assertEquals("native:enum('G','PG-13','it''s')", read("ENUM('G', 'PG-13', 'it''s')"));
        assertEquals("native:varchar(5) character set utf8mb3", read("varchar(5) CHARACTER SET utf8"));
        assertEquals("native:bigint generated always as (`Id` * -1) virtual",
                read("bigint(20) GENERATED ALWAYS AS (`Id` * -1) VIRTUAL"));
        assertEquals("native:uuid", read("uuid"));
        assertEquals("native:mediumtext", read("mediumtext"));
    }

    @Test
    void everyLogicalTypeSurvivesTheRoundTripOnPaper() {
        for (TypeKind k : TypeKind.values()) {
            LogicalType t = LogicalType.of(k);
            ColumnType back = MysqlTypes.fromColumnType(MysqlTypes.toSql(t));
            assertEquals(MysqlTypes.normalize(t), back, k.spelling());
            assertEquals(back, MysqlTypes.normalize(back), "normalize is idempotent for " + k.spelling());
        }
    }

    @Test
    void defaultsTakeMariadbSpelling() {
        LogicalType bool = LogicalType.of(TypeKind.BOOLEAN);
        assertEquals("1", MysqlDefaults.normalize("TRUE", bool));
        assertEquals("0", MysqlDefaults.normalize("false", bool));
        assertEquals("4.90", MysqlDefaults.normalize("4.9", LogicalType.decimal(4, 2)));
        assertEquals("3", MysqlDefaults.normalize("'3'", LogicalType.of(TypeKind.INTEGER)));
        assertEquals("'5'", MysqlDefaults.normalize("5", LogicalType.varchar(3)));
        assertEquals(null, MysqlDefaults.normalize("NULL", LogicalType.varchar(3)));
        assertEquals("'NULL'", MysqlDefaults.normalize("'NULL'", LogicalType.varchar(5)));
        assertEquals("'it''s\\n'", MysqlDefaults.normalize("'it\\'s\\n'", LogicalType.varchar(5)));
        assertEquals("CURRENT_TIMESTAMP", MysqlDefaults.normalize("now()", LogicalType.of(TypeKind.TIMESTAMPTZ)));
        assertEquals("CURRENT_TIMESTAMP(3)", MysqlDefaults.normalize("current_timestamp(3)", null));
        assertEquals("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
                MysqlDefaults.normalize("current_timestamp() on update current_timestamp()", null));
        assertEquals("NULL ON UPDATE CURRENT_TIMESTAMP",
                MysqlDefaults.normalize("NULL ON UPDATE now()", null));
    }
}
