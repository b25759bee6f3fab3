package covet.it;

import static covet.it.PostgresSchemasRoundTripTest.assertNoRunSql;
import static covet.it.PostgresSchemasRoundTripTest.ok;
import static covet.it.PostgresSchemasRoundTripTest.rollBackEverything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's second acceptance, judged by mariadb-dump ({@link MariaDbDump}): a schema file with views (one over
 * the other, ALGORITHM, SQL SECURITY, CHECK OPTION), a trigger, a procedure, a function, an event, RANGE and HASH
 * partitioned tables, FULLTEXT, SPATIAL, HASH (MEMORY), prefix and DESC indexes, stored and virtual generated
 * columns, and latin1 / utf8mb3 tables beside utf8mb4 ones with columns that declare their own collation. Loaded
 * with the mariadb client into A, it is rebuilt by {@code makemigrations --schema}, {@code migrate}, by the
 * {@code migrate --sql} script run through the mariadb client (DELIMITER), and by the {@code --from-database}
 * baseline: each dumps equal to A. Then the edits (a view, a trigger body, a table's collation, one column's
 * collation, a new partition) give exactly those operations, apply, dump equal to the edited file loaded by the
 * client, leave {@code --check} clean (also with the trigger body re-typed in other case, blanks and comments), and
 * roll back to the previous dump.
 */
class MysqlSchemaObjectsTest {
    @TempDir
    Path dir;

    static final String SCHEMA = """
            CREATE TABLE legacy (
              id INT PRIMARY KEY,
              notes VARCHAR(64000),
              code VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin
            ) ENGINE=InnoDB DEFAULT CHARSET=latin1;
            CREATE TABLE old_utf8 (
              id INT PRIMARY KEY AUTO_INCREMENT,
              name VARCHAR(50) NOT NULL,
              title VARCHAR(50) COLLATE utf8mb3_bin
            ) DEFAULT CHARSET=utf8mb3 ROW_FORMAT=DYNAMIC COMMENT='old';
            CREATE TABLE article (
              id INT PRIMARY KEY AUTO_INCREMENT,
              title VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
              body TEXT,
              slug VARCHAR(300),
              price DECIMAL(8,2) NOT NULL DEFAULT 0,
              price_tax DECIMAL(9,2) AS (price * 1.2) STORED,
              title_len INT AS (char_length(title)) VIRTUAL,
              updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'touched',
              FULLTEXT KEY ft_article (slug, body),
              KEY slug_prefix (slug(40)),
              KEY price_desc (price DESC, id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 STATS_PERSISTENT=1;
            CREATE TABLE place (
              id INT PRIMARY KEY,
              pos POINT NOT NULL,
              SPATIAL KEY sp_pos (pos)
            );
            CREATE TABLE cache (
              k VARCHAR(40) NOT NULL,
              v VARCHAR(200),
              KEY k_hash (k),
              KEY v_tree (v)
            ) ENGINE=MEMORY;
            CREATE TABLE log_entry (
              id INT NOT NULL,
              logged DATE NOT NULL,
              msg VARCHAR(100),
              PRIMARY KEY (id, logged)
            ) PARTITION BY RANGE (year(logged)) (
              PARTITION p2020 VALUES LESS THAN (2021),
              PARTITION p2021 VALUES LESS THAN (2022)
            );
            CREATE TABLE bucket (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4;
            CREATE VIEW cheap_article AS SELECT id, title, price FROM article WHERE price < 10 WITH CHECK OPTION;
            CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW article_titles AS SELECT title FROM cheap_article;
            DELIMITER ;;
            CREATE TRIGGER article_bi BEFORE INSERT ON article FOR EACH ROW
            BEGIN
              SET NEW.slug = lower(NEW.title);
            END;;
            CREATE PROCEDURE article_count(IN min_price DECIMAL(8,2), OUT n INT)
              READS SQL DATA
              COMMENT 'counts articles'
            BEGIN
              SELECT count(*) INTO n FROM article WHERE price >= min_price;
            END;;
            CREATE FUNCTION with_tax(p DECIMAL(8,2)) RETURNS DECIMAL(9,2) DETERMINISTIC
              RETURN p * 1.2;;
            CREATE EVENT purge_log ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
              COMMENT 'nightly'
              DO DELETE FROM log_entry WHERE logged < now() - INTERVAL 1 YEAR;;
            DELIMITER ;
            """;

    /** The five edits of the issue, each one textual change of {@link #SCHEMA}. */
    static final String EDITED = SCHEMA
            .replace("WHERE price < 10 WITH CHECK OPTION", "WHERE price < 20 WITH CHECK OPTION")
            .replace("SET NEW.slug = lower(NEW.title);", "SET NEW.slug = upper(NEW.title);")
            .replace(") DEFAULT CHARSET=utf8mb3 ROW_FORMAT", ") DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci"
                    + " ROW_FORMAT")
            .replace("CHARACTER SET ascii COLLATE ascii_bin", "CHARACTER SET ascii COLLATE ascii_general_ci")
            .replace("PARTITION p2021 VALUES LESS THAN (2022)", "PARTITION p2021 VALUES LESS THAN (2022),\n"
                    + "  PARTITION p2022 VALUES LESS THAN (2023)");

    @Test
    void everythingRoundTripsAndEachEditAppliesAndRollsBack() throws IOException, SQLException {
        assertTrue(!EDITED.equals(SCHEMA) && EDITED.contains("p2022") && EDITED.contains("upper(NEW.title)")
                && EDITED.contains("utf8mb3_unicode_ci") && EDITED.contains("ascii_general_ci")
                && EDITED.contains("price < 20"), "every edit took");
        Path v1 = Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        Path v2 = Files.writeString(dir.resolve("edited.sql"), EDITED);
        try (ServerDatabase a = ServerDatabase.mysql(); ServerDatabase a2 = ServerDatabase.mysql();
             ServerDatabase b = ServerDatabase.mysql(); ServerDatabase c = ServerDatabase.mysql();
             ServerDatabase d = ServerDatabase.mysql(); ServerDatabase empty = ServerDatabase.mysql()) {
            MariaDbDump.load(a, v1);
            MariaDbDump.load(a2, v2);
            List<String> expected = MariaDbDump.statements(a);
            List<String> edited = MariaDbDump.statements(a2);
            for (String what : List.of("VIEW `cheap_article`", "VIEW `article_titles`", "TRIGGER article_bi",
                    "PROCEDURE `article_count`", "FUNCTION `with_tax`", "EVENT `purge_log`", "PARTITION BY RANGE",
                    "FULLTEXT KEY", "SPATIAL KEY", "CHARSET=latin1", "CHARSET=utf8mb3")) {
                assertTrue(expected.stream().anyMatch(s -> s.contains(what)), "the dump of A shows " + what);
            }

            Path project = Files.createDirectories(dir.resolve("b"));
            ok(project, "--url", b.url, "makemigrations", "--schema", v1.toString(), "--name", "initial");
            assertNoRunSql(project);
            ok(project, "--url", b.url, "migrate", "--yes");
            MariaDbDump.assertSame(expected, MariaDbDump.statements(b), "makemigrations --schema, migrate");
            assertEquals(0, Cli.run(project, "--url", b.url, "makemigrations", "--check", "--schema",
                    v1.toString()).exitCode(), "nothing pending after migrate");

            // the offline script, as the mariadb client runs it: compound bodies need DELIMITER
            String script = ok(project, "--url", d.url, "migrate", "--sql").out();
            assertTrue(script.contains("DELIMITER ;;"), script);
            MariaDbDump.load(d, Files.writeString(dir.resolve("script.sql"), script));
            MariaDbDump.assertSame(expected, MariaDbDump.statements(d), "migrate --sql through the mariadb client");

            Path adopt = Files.createDirectories(dir.resolve("adopt"));
            ok(adopt, "--url", a.url, "makemigrations", "--from-database", "--name", "baseline");
            assertNoRunSql(adopt);
            ok(adopt, "--url", c.url, "migrate", "--yes");
            MariaDbDump.assertSame(expected, MariaDbDump.statements(c), "--from-database baseline");

            ok(project, "--url", b.url, "makemigrations", "--schema", v2.toString(), "--name", "edits");
            assertEquals(List.of("AlterColumn legacy", "AlterObject trigger", "AlterObject view", "AlterTable log_entry",
                    "AlterTable old_utf8"), operations(project, "edits"), "the edits, and nothing else");
            ok(project, "--url", b.url, "migrate", "--yes");
            MariaDbDump.assertSame(edited, MariaDbDump.statements(b), "the edits applied");
            Cli.Result check = Cli.run(project, "--url", b.url, "makemigrations", "--check", "--schema",
                    v2.toString());
            assertEquals(0, check.exitCode(), "nothing pending after the edits\n" + check);
            // a trigger body that differs only in case, blanks and comments is the same trigger
            Path reformatted = Files.writeString(dir.resolve("reformatted.sql"), EDITED.replace(
                    "  SET NEW.slug = upper(NEW.title);", "  set new.slug=UPPER( new.title ); -- reformatted"));
            assertTrue(Files.readString(reformatted).contains("UPPER( new.title ); -- reformatted"));
            Cli.Result same = Cli.run(project, "--url", b.url, "makemigrations", "--check", "--schema",
                    reformatted.toString());
            assertEquals(0, same.exitCode(), "a reformatted body is no change\n" + same);

            ok(project, "--url", b.url, "rollback", "--yes");
            MariaDbDump.assertSame(expected, MariaDbDump.statements(b), "the edits rolled back");
            rollBackEverything(project, b.url);
            MariaDbDump.assertSame(MariaDbDump.statements(empty), MariaDbDump.statements(b), "rollback empties");
        }
    }

    /** "op table-or-kind" of each operation of the migration named {@code name}, sorted. */
    private static List<String> operations(Path project, String name) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
            file = files.filter(f -> f.getFileName().toString().endsWith("_" + name + ".json")).findFirst()
                    .orElseThrow();
        }
        String json = Files.readString(file);
        Matcher m = Pattern.compile("\"op\": \"(\\w+)\",\\s*\"(?:table|object)\": (?:\"([^\"]+)\"|\\{\\s*\"kind\": "
                + "\"(\\w+)\")").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + " " + (m.group(2) != null ? m.group(2) : m.group(3)));
        }
        long all = Pattern.compile("\"op\": ").matcher(json).results().count();
        assertEquals(all, out.size(), "every operation of " + file + " read: " + out);
        out.sort(null);
        return out;
    }
}
