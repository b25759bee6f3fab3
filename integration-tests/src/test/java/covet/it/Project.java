package covet.it;

import covet.engine.Covet;
import covet.engine.config.ConfigLoader;
import covet.engine.config.CovetConfig;
import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A throw-away Covet project in a folder: migration files written as JSON text, and a database URL. */
final class Project {
    final Path root;
    final Path migrations;
    final String url;

    Project(Path root, String url) {
        this.root = root;
        this.migrations = root.resolve("migrations");
        this.url = url;
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project on the SQLite file covet.db in {@code root}. */
    static Project sqlite(Path root) {
        return new Project(root, "jdbc:sqlite:" + root.resolve("covet.db"));
    }

    Covet covet() {
        CovetConfig config = new ConfigLoader(root, Map.<String, String>of()::get)
                .load(new ConfigLoader.Options(url, null, null, null));
        return new Covet(config, PluginRegistry.discover());
    }

    /** Writes a migration file whose operations are the given JSON objects. */
    Path write(String id, List<String> dependencies, String... operations) {
        StringBuilder deps = new StringBuilder();
        for (String d : dependencies) {
            deps.append(deps.length() == 0 ? "" : ", ").append('"').append(d).append('"');
        }
        String json = "{\n  \"format\": 1,\n  \"id\": \"" + id + "\",\n  \"app\": \"default\",\n"
                + "  \"dependencies\": [" + deps + "],\n  \"operations\": [\n    "
                + String.join(",\n    ", operations) + "\n  ]\n}\n";
        return writeRaw(id + ".json", json);
    }

    Path writeRaw(String fileName, String content) {
        try {
            return Files.writeString(migrations.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a query, each row's columns joined with '|'. */
    List<String> query(String sql) {
        try (Connection c = covet().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String... sql) {
        try (Connection c = covet().connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Table names in the SQLite file, sorted, without SQLite's own. */
    List<String> sqliteTables() {
        return query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    static String createTable(String name, String columnsJson, String extra) {
        return "{\"op\": \"CreateTable\", \"table\": {\"name\": \"" + name + "\", \"columns\": [" + columnsJson
                + "], \"primaryKey\": {\"columns\": [\"id\"]}" + (extra.isEmpty() ? "" : ", " + extra) + "}}";
    }

    static final String ID = "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false, \"autoIncrement\": true}";
}
