package covet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The baseline: the least a migration tool must do. Lists {@code V<n>__m<n>.sql}, reads and checksums each, creates
 * the history table if needed, reads it, validates the checksums of applied migrations, then applies each pending
 * one: its statements and its history row in one transaction (autocommit where DDL commits implicitly). No lock.
 */
public final class RawMigrator {
    public static final String HISTORY = "raw_history";

    private RawMigrator() {
    }

    private record Script(int version, String name, String sql, String checksum) {
    }

    /** Applies what is pending; returns how many migrations ran. */
    public static int migrate(Connection c, Path dir, boolean transactionalDdl) throws IOException, SQLException {
        List<Script> scripts = scan(dir);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version INTEGER PRIMARY KEY,"
                    + " name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        Map<Integer, Script> byVersion = new HashMap<>();
        scripts.forEach(sc -> byVersion.put(sc.version(), sc));
        for (Map.Entry<Integer, String> e : applied.entrySet()) {
            Script sc = byVersion.get(e.getKey());
            if (sc == null || !sc.checksum().equals(e.getValue())) {
                throw new IllegalStateException("raw: migration " + e.getKey() + " is missing or changed");
            }
        }
        int ran = 0;
        c.setAutoCommit(!transactionalDdl);
        try (Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + HISTORY
                     + " (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            for (Script sc : scripts) {
                if (applied.containsKey(sc.version())) {
                    continue;
                }
                for (String statement : split(sc.sql())) {
                    s.execute(statement);
                }
                insert.setInt(1, sc.version());
                insert.setString(2, sc.name());
                insert.setString(3, sc.checksum());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                if (transactionalDdl) {
                    c.commit();
                }
                ran++;
            }
        } catch (SQLException | RuntimeException e) {
            if (transactionalDdl) {
                c.rollback();
            }
            throw e;
        }
        return ran;
    }

    private static List<Script> scan(Path dir) throws IOException {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String file = p.getFileName().toString();
                int sep = file.indexOf("__");
                if (!file.startsWith("V") || sep < 0 || !file.endsWith(".sql")) {
                    continue;
                }
                String sql = Files.readString(p);
                scripts.add(new Script(Integer.parseInt(file.substring(1, sep)),
                        file.substring(sep + 2, file.length() - 4), sql, sha256(sql)));
            }
        }
        scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return scripts;
    }

    /** The generated scripts hold no semicolons in literals or comments, so a plain split is exact. */
    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
