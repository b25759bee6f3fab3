package covet.dialect.mysql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical spelling of a check predicate or an index key expression, applied to what the user wrote and to
 * what the server reads back, so that both sides meet. MariaDB and MySQL 8 quote every name in a stored check
 * ({@code `rating` >= 0}) and MySQL 8 puts a character set introducer before each string
 * ({@code _utf8mb4'a'}); the canonical form has neither: a backtick-quoted name that needs no quotes (letters,
 * digits, {@code _} and {@code $}, not a reserved word) loses them, and the introducer of a text character set
 * goes. Strings are left as they are. The result is valid SQL that means the same, since it is rendered as it is
 * when a diff creates the object.
 */
final class MysqlExpressions {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> INTRODUCERS = Set.of("_utf8mb4", "_utf8mb3", "_utf8", "_latin1", "_ascii");

    /** Reserved words of MySQL 8 and MariaDB: such a name keeps its quotes. */
    private static final Set<String> RESERVED = Set.of(("ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE"
            + " BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE"
            + " COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS CUBE CUME_DIST CURRENT_DATE CURRENT_ROLE"
            + " CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR DAY_MICROSECOND"
            + " DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DELETE_DOMAIN_ID DENSE_RANK DESC"
            + " DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW DIV DO_DOMAIN_IDS DOUBLE DROP DUAL EACH ELSE ELSEIF"
            + " EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT EXPLAIN FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR"
            + " FORCE FOREIGN FROM FULLTEXT FUNCTION GENERAL GENERATED GET GRANT GROUP GROUPING GROUPS HAVING"
            + " HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IGNORE_DOMAIN_IDS"
            + " IGNORE_SERVER_IDS IN INDEX INFILE INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8"
            + " INTEGER INTERSECT INTERVAL INTO IO_AFTER_GTIDS IO_BEFORE_GTIDS IS ITERATE JOIN JSON_TABLE KEY KEYS"
            + " KILL LAG LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME"
            + " LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY MASTER_BIND MASTER_HEARTBEAT_PERIOD"
            + " MASTER_SSL_VERIFY_SERVER_CERT MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUS"
            + " MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL"
            + " NUMERIC OF OFFSET ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER"
            + " PAGE_CHECKSUM PARSE_VCOL_EXPR PARTITION PERCENT_RANK POSITION PRECISION PRIMARY PROCEDURE PURGE"
            + " RANGE RANK READ READS READ_WRITE REAL RECURSIVE REF_SYSTEM_ID REFERENCES REGEXP RELEASE RENAME"
            + " REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN RETURNING REVOKE RIGHT RLIKE ROW ROW_NUMBER ROWNUM"
            + " ROWS SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SLOW SMALLINT"
            + " SPATIAL SPECIFIC SQL SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SQLEXCEPTION SQLSTATE"
            + " SQLWARNING SSL STARTING STATS_AUTO_RECALC STATS_PERSISTENT STATS_SAMPLE_PAGES STORED STRAIGHT_JOIN"
            + " SYSTEM TABLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING TRIGGER TRUE UNDO UNION UNIQUE"
            + " UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR"
            + " VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL")
            .split(" "));

    private MysqlExpressions() {
    }

    /** {@code sql} with plain names unquoted and text introducers dropped; null stays null. */
    static String canonical(String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i);
                String quoted = sql.substring(i, end);
                if (c == '`' && quoted.length() > 2 && quoted.endsWith("`")) {
                    String name = quoted.substring(1, quoted.length() - 1);
                    b.append(plain(name) ? name : quoted);
                } else {
                    b.append(quoted);
                }
                i = end;
            } else if (c == '_' && (i == 0 || !partOfName(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < sql.length() && partOfName(sql.charAt(j))) {
                    j++;
                }
                String word = sql.substring(i, j);
                boolean introducer = j < sql.length() && sql.charAt(j) == '\''
                        && INTRODUCERS.contains(word.toLowerCase(Locale.ROOT));
                if (!introducer) {
                    b.append(word);
                }
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** A name that reads the same without quotes. */
    static boolean plain(String name) {
        return PLAIN_NAME.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT));
    }

    /** The index after the quote that closes the one at {@code open}; a doubled quote, or a backslash, escapes. */
    private static int closing(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static boolean partOfName(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
