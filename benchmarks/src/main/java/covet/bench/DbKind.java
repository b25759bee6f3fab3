package covet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The three databases, their admin connection, and how a fresh database is made and dropped. */
public enum DbKind {
    POSTGRESQL("postgresql", true), MARIADB("mariadb", false), SQLITE("sqlite", true);

    static final String PG_ADMIN = env("COVET_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    static final String MY_ADMIN = env("COVET_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/?user=root&useSSL=false");

    private final String label;
    /** DDL and the history row commit together (raw baseline: one transaction per migration). */
    private final boolean transactionalDdl;

    DbKind(String label, boolean transactionalDdl) {
        this.label = label;
        this.transactionalDdl = transactionalDdl;
    }

    public String label() {
        return label;
    }

    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    public static DbKind parse(String s) {
        for (DbKind k : values()) {
            if (k.label.equalsIgnoreCase(s) || (k == MARIADB && s.equalsIgnoreCase("mysql"))
                    || (k == POSTGRESQL && s.equalsIgnoreCase("pg"))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown database " + s + " (postgresql, mariadb, sqlite)");
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(this == POSTGRESQL ? PG_ADMIN : MY_ADMIN);
    }

    /** Creates an empty database (or SQLite file path under {@code tmp}) named {@code name}. */
    public Target create(String name, Path tmp) throws Exception {
        if (this == SQLITE) {
            Path file = tmp.resolve(name + ".db");
            Files.deleteIfExists(file);
            return new Target(this, name, "jdbc:sqlite:" + file, file);
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            if (this == POSTGRESQL) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + name);
            } else {
                s.execute("DROP DATABASE IF EXISTS " + name);
                s.execute("CREATE DATABASE " + name);
            }
        }
        return new Target(this, name, url(name), null);
    }

    public void drop(Target t) throws Exception {
        if (this == SQLITE) {
            Files.deleteIfExists(t.sqliteFile());
            Files.deleteIfExists(Path.of(t.sqliteFile() + "-journal"));
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(this == POSTGRESQL ? "DROP DATABASE IF EXISTS " + t.name() + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + t.name());
        }
    }

    /** The URL of database {@code name} on the admin URL's server, with its credentials. */
    String url(String name) {
        if (this == POSTGRESQL) {
            return PG_ADMIN.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        }
        return MY_ADMIN.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + name);
    }

    /** Names of the base tables in the target's schema. */
    public List<String> tables(Connection c) throws SQLException {
        String sql = switch (this) {
            case POSTGRESQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_type = 'BASE TABLE'";
            case MARIADB -> "SELECT table_name FROM information_schema.tables WHERE table_schema = database()"
                    + " AND table_type = 'BASE TABLE'";
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table'";
        };
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
