package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.MalformedMigrationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each scenario folder holds one broken file; the reader must name the exact line, column and problem. */
class MalformedMigrationTest {

    @Test
    void malformedJson() {
        assertMalformed("malformed-json", 4, 3,
                "invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void unterminatedFileEndsAtTheEnd() {
        assertMalformed("unterminated", 6, 1, "invalid JSON: Unexpected end-of-input: expected close marker for"
                + " Array (start marker at line 4, column 17)");
    }

    @Test
    void unknownOperation() {
        assertMalformed("unknown-operation", 5, 12, "operations[0].op: unknown operation 'CreateTabel' (known:"
                + " CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, RenameTable, RenameColumn,"
                + " CreateIndex, DropIndex, AddForeignKey, DropForeignKey, AddUniqueConstraint,"
                + " DropUniqueConstraint, AddCheck, DropCheck, AddPrimaryKey, DropPrimaryKey, AddExclusion,"
                + " DropExclusion, AlterTable, AlterComment, AttachPartition, DetachPartition, CreateObject, DropObject, AlterObject,"
                + " RunSQL, RunJava)");
    }

    @Test
    void missingFieldPointsAtTheObject() {
        assertMalformed("missing-field", 7, 5, "operations[2] (AddColumn): missing field 'column'");
    }

    @Test
    void wrongType() {
        assertMalformed("wrong-type", 11, 67,
                "operations[0].table.columns[1].nullable: expected a boolean, found a string");
    }

    @Test
    void unknownFieldIsRejectedAtItsKey() {
        assertMalformed("unknown-field", 11, 55, "operations[0].table.columns[1]: unknown field 'nulable'"
                + " (known: name, type, nullable, default, autoIncrement, comment, identity, generated,"
                + " collation)");
    }

    @Test
    void newerFormatAsksForAnUpgradeBeforeAnythingElse() {
        assertMalformed("newer-format", 2, 13,
                "written in format 3; this Covet reads formats 1 to 2 — upgrade Covet");
    }

    @Test
    void missingFormat() {
        assertMalformed("missing-format", 1, 1, "missing field 'format' (this Covet writes \"format\": 1 or 2)");
    }

    @Test
    void idMustBeTheFileStem() {
        assertMalformed("id-mismatch", 3, 9, "id: '20261124_120000_original_name' differs from the file name"
                + " '20261124_120000_renamed_file' (a migration's id is its file name without the extension)");
    }

    @Test
    void idMustFollowTheIdRule() {
        assertMalformed("invalid-id", 3, 9, "id: 'create_users' is not a migration id"
                + " (expected YYYYMMDD_HHMMSS_name, e.g. 20261124_120000_create_users)");
    }

    @Test
    void invalidColumnType() {
        assertMalformed("invalid-column-type", 5, 78, "operations[0].column.type: unknown column type 'varchr(20)'"
                + " (logical types: smallint, integer, bigint, decimal(p,s), float, double, boolean, char(n),"
                + " varchar(n), text, date, time, timestamp, timestamptz, binary, json, uuid;"
                + " a database's own type is written native:TYPE)");
    }

    @Test
    void recordValidationIsReportedAtTheObject() {
        assertMalformed("record-validation", 8, 21,
                "operations[0].foreignKey: foreign key 'fk_orders_customer' has 2 columns but references 1");
    }

    @Test
    void duplicateField() {
        assertMalformed("duplicate-field", 5, 51, "operations[0]: duplicate field 'from'");
    }

    @Test
    void unknownReferentialAction() {
        assertMalformed("unknown-referential-action", 13, 21, "operations[0].foreignKey.onUpdate: unknown"
                + " referential action 'CASCAD' (known: NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT)");
    }

    @Test
    void trailingContent() {
        assertMalformed("trailing-content", 6, 1, "unexpected content after the top-level JSON value");
    }

    @Test
    void rootMustBeAnObject() {
        assertMalformed("not-an-object", 1, 1, "expected a migration (a JSON object), found an array");
    }

    @Test
    void messageNamesFileLineAndColumn() {
        Path file = Fixtures.file("wrong-type");
        MalformedMigrationException e = assertThrows(MalformedMigrationException.class,
                () -> Fixtures.read("wrong-type"));
        assertEquals(file.toString(), e.location());
        assertTrue(e.getMessage().startsWith("malformed migration " + file + ":11:67: operations[0]"),
                e.getMessage());
    }

    @Test
    void columnsCountCharactersNotBytes() {
        // "ü" and "→" are two and three bytes in UTF-8: an editor's column counts each as one
        String text = "{\"format\": 1, \"id\": \"20261124_120000_u\", \"operations\": [{\"op\": \"RunSQL\","
                + " \"sql\": \"-- über → x\", \"reverseSql\": 7}]}";
        MalformedMigrationException e = read(text, "20261124_120000_u");
        assertEquals(1, e.line());
        assertEquals(text.indexOf('7') + 1, e.column());
        assertEquals("operations[0].reverseSql: expected a string or an array of strings, found a number",
                e.problem());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        String text = "\uFEFF{\"format\": 1, \"id\": \"20261124_120000_b\", \"operations\": []}";
        assertEquals(0, readOk(text, "20261124_120000_b"));
    }

    @Test
    void invalidUtf8IsReportedWhereItIs() {
        String text = "{\"format\": 1,\n \"id\": \"2026\u00ff\"}";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        MalformedMigrationException e = assertThrows(MalformedMigrationException.class,
                () -> new JsonMigrationSource().read("bad.json", null, new ByteArrayInputStream(bytes)));
        assertEquals(2, e.line());
        assertEquals(text.indexOf('\u00ff') - text.indexOf('\n'), e.column());
        assertEquals("the file is not UTF-8 text (bad byte at offset " + text.indexOf('\u00ff') + ")", e.problem());
    }

    @Test
    void emptyFile() {
        MalformedMigrationException e = read("  \n", null);
        assertEquals("the file is empty: expected a JSON object", e.problem());
        assertEquals(1, e.line());
    }

    @Test
    void formatMustBeAPositiveInteger() {
        assertEquals("format: expected an integer, found a string",
                read("{\"format\": \"1\", \"id\": \"20261124_120000_f\", \"operations\": []}", null).problem());
        assertEquals("format: expected an integer, found a number",
                read("{\"format\": 1.0, \"id\": \"20261124_120000_f\", \"operations\": []}", null).problem());
        assertEquals("format: 0 is not a format version (this Covet reads formats 1 to 2)",
                read("{\"format\": 0, \"id\": \"20261124_120000_f\", \"operations\": []}", null).problem());
    }

    @Test
    void dependenciesMustBeMigrationIds() {
        MalformedMigrationException e = read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"dependencies\":"
                + " [\"20261124_110000_e\", \"an init\"], \"operations\": []}", null);
        assertEquals("dependencies[1]: 'an init' is not a migration id (expected YYYYMMDD_HHMMSS_name,"
                + " e.g. 20261124_120000_create_users, or the id of a migration in another format, such as"
                + " V1.1__init)", e.problem());
        assertEquals(80, e.column(), "the position of \"an init\"");
    }

    @Test
    void operationsAreRequiredAndTopLevelTyposRejected() {
        assertEquals("missing field 'operations'",
                read("{\"format\": 1, \"id\": \"20261124_120000_f\"}", null).problem());
        assertEquals("unknown field 'dependancies' (known: format, id, app, dependencies, operations)",
                read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"dependancies\": [], \"operations\": []}",
                        null).problem());
    }

    @Test
    void missingOpAndNonObjectOperation() {
        MalformedMigrationException e = read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"operations\":"
                + " [{\"table\": \"t\"}, 3]}", null);
        assertEquals("operations[0]: missing field 'op'", e.problem());
        assertEquals(57, e.column());
        assertEquals("operations[1]: expected an object, found a number",
                read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"operations\": [{\"op\": \"RenameTable\","
                        + " \"from\": \"a\", \"to\": \"b\"}, 3]}", null).problem());
    }

    @Test
    void blankNamesAreRecordFailuresAtTheObject() {
        String text = "{\"format\": 1, \"id\": \"20261124_120000_f\", \"operations\":"
                + " [{\"op\": \"AddColumn\", \"table\": \"t\", \"column\": {\"name\": \" \", \"type\": \"text\"}}]}";
        MalformedMigrationException e = read(text, null);
        assertEquals("operations[0].column: column name is required and must not be blank", e.problem());
        assertEquals(text.indexOf("{\"name\"") + 1, e.column());
    }

    @Test
    void indexKeyPartNeedsNameOrExpression() {
        MalformedMigrationException e = read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"operations\":"
                + " [{\"op\": \"CreateIndex\", \"table\": \"t\", \"index\": {\"name\": \"ix\", \"columns\":"
                + " [{\"name\": \"a\", \"expression\": \"lower(a)\"}]}}]}", null);
        assertEquals("operations[0].index.columns[0]: an index key part names either a column or an expression,"
                + " not both or neither", e.problem());
    }

    @Test
    void defaultMustBeSqlText() {
        MalformedMigrationException e = read("{\"format\": 1, \"id\": \"20261124_120000_f\", \"operations\":"
                + " [{\"op\": \"AddColumn\", \"table\": \"t\", \"column\": {\"name\": \"n\", \"type\": \"integer\","
                + " \"default\": 0}}]}", null);
        assertEquals("operations[0].column.default: expected a string, found a number (a default is SQL text:"
                + " write \"0\", \"'draft'\", \"CURRENT_TIMESTAMP\")", e.problem());
    }

    @Test
    void unknownObjectKindIsReportedAtTheKind() {
        assertMalformed("unknown-object-kind", 5, 47, "operations[0].object.kind: unknown object kind"
                + " 'enumeration' (known: namespace, extension, enum, composite, domain, sequence, function,"
                + " procedure, virtual_table, view, materialized_view, trigger, event)");
    }

    @Test
    void anEnumWithoutValuesNamesTheMissingField() {
        assertMalformed("missing-enum-values", 8, 17, "operations[1].object (enum): missing field 'values'");
    }

    @Test
    void badIdentitySpelling() {
        assertMalformed("bad-identity", 8, 85, "operations[0].column.identity: unknown identity 'sometimes'"
                + " (known: always, by_default)");
    }

    @Test
    void objectProblemsNameTheKindAndThePath() {
        assertEquals("operations[0].object (view): unknown field 'query' (known: kind, name, comment, definition,"
                + " dependsOn)", readObject("{\"kind\": \"view\", \"name\": \"v\", \"query\": \"SELECT 1\"}")
                .problem());
        assertEquals("operations[0].object: missing field 'kind'",
                readObject("{\"name\": \"v\", \"definition\": \"SELECT 1\"}").problem());
        assertEquals("operations[0].object (enum): enum type 'e' names a value twice",
                readObject("{\"kind\": \"enum\", \"name\": \"e\", \"values\": [\"a\", \"a\"]}").problem());
        assertEquals("operations[0].object.start: expected a whole number, found a string",
                readObject("{\"kind\": \"sequence\", \"name\": \"s\", \"start\": \"1\"}").problem());
        assertEquals("operations[0].object.maxValue: expected a whole number that fits 64 bits, found a number",
                readObject("{\"kind\": \"sequence\", \"name\": \"s\", \"maxValue\": 99999999999999999999}")
                        .problem());
        assertEquals("operations[0].object.attributes[0]: missing field 'type'", readObject("{\"kind\":"
                + " \"composite\", \"name\": \"c\", \"attributes\": [{\"name\": \"a\"}]}").problem());
        assertEquals("operations[0].object.dependsOn[1]: expected a string, found a number",
                readObject("{\"kind\": \"namespace\", \"name\": \"n\", \"dependsOn\": [\"a\", 1]}").problem());
    }

    @Test
    void newTableFieldsAreCheckedWhereTheyAre() {
        assertEquals("operations[0].table.options.unlogged: expected a string, found a boolean",
                readTable("\"options\": {\"unlogged\": true}").problem());
        assertEquals("operations[0].table.partitionOf: missing field 'bound'",
                readTable("\"partitionOf\": {\"parent\": \"p\"}").problem());
        assertEquals("operations[0].table.indexes[0].columns[0].nulls: expected first or last, found 'middle'",
                readTable("\"indexes\": [{\"name\": \"i\", \"columns\": [{\"name\": \"c\", \"nulls\":"
                        + " \"middle\"}]}]").problem());
        assertEquals("operations[0].table.uniques[0]: unique constraint 'u' is initially deferred but not"
                + " deferrable", readTable("\"uniques\": [{\"name\": \"u\", \"columns\": [\"c\"],"
                + " \"initiallyDeferred\": true}]").problem());
        assertEquals("operations[0].table.columns[0]: column 'c' has an identity but is not auto-increment",
                read("{\"format\": 2, \"id\": \"20261124_120000_f\", \"operations\": [{\"op\": \"CreateTable\","
                        + " \"table\": {\"name\": \"t\", \"columns\": [{\"name\": \"c\", \"type\": \"integer\","
                        + " \"identity\": \"always\"}]}}]}", null).problem());
    }

    @Test
    void alterObjectChangesOneObject() {
        MalformedMigrationException e = read("{\"format\": 2, \"id\": \"20261124_120000_f\", \"operations\":"
                + " [{\"op\": \"AlterObject\", \"object\": {\"kind\": \"view\", \"name\": \"a\", \"definition\":"
                + " \"x\"}, \"previous\": {\"kind\": \"view\", \"name\": \"b\", \"definition\": \"x\"}}]}", null);
        assertEquals("operations[0] (AlterObject): AlterObject changes one object: previous is view b, object is"
                + " view a", e.problem());
    }

    private static MalformedMigrationException readObject(String object) {
        return read("{\"format\": 2, \"id\": \"20261124_120000_f\", \"operations\": [{\"op\": \"CreateObject\","
                + " \"object\": " + object + "}]}", null);
    }

    private static MalformedMigrationException readTable(String fields) {
        return read("{\"format\": 2, \"id\": \"20261124_120000_f\", \"operations\": [{\"op\": \"CreateTable\","
                + " \"table\": {\"name\": \"t\", \"columns\": [{\"name\": \"c\", \"type\": \"integer\"}], "
                + fields + "}}]}", null);
    }

    private static void assertMalformed(String scenario, int line, int column, String problem) {
        MalformedMigrationException e = assertThrows(MalformedMigrationException.class,
                () -> Fixtures.read(scenario));
        assertEquals(problem, e.problem());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), "position of: " + problem);
    }

    private static MalformedMigrationException read(String text, String stem) {
        return assertThrows(MalformedMigrationException.class, () -> new JsonMigrationSource().read("mem.json",
                stem, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static int readOk(String text, String stem) {
        try {
            return new JsonMigrationSource().read("mem.json", stem,
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).operations().size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
