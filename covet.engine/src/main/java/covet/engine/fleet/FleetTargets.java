package covet.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import covet.api.spi.Dialect;
import covet.engine.config.ConfigException;
import covet.engine.config.Redactor;
import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a targets file ({@code --targets FILE}, docs/distributed.md) in one of two shapes:
 * <ul>
 *   <li>plain text: one JDBC URL per line, {@code #} comments and blank lines ignored;</li>
 *   <li>YAML or JSON: {@code url} (the server) and one of {@code schemas} (a list, PostgreSQL), {@code databases}
 *       (a list), {@code schemas_query} / {@code databases_query} (an SQL query on {@code url} whose first column
 *       names them), or {@code urls} (a list of JDBC URLs).</li>
 * </ul>
 * A malformed file names its path, the line or key, and what is wrong; a name listed twice is an error too, since two
 * runs on one target in one fleet run would only wait for each other.
 */
public final class FleetTargets {
    private static final List<String> KEYS = List.of("url", "schemas", "databases", "schemas_query",
            "databases_query", "urls");

    private FleetTargets() {
    }

    /** The targets {@code file} lists; {@code credentials} (user, password) are used for a query. */
    public static List<FleetTarget> read(Path file, PluginRegistry registry, Properties credentials) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the targets file " + file + ": " + e.getMessage());
        }
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .orElseThrow(() -> new ConfigException(file + ": no targets (the file is empty)"));
        List<FleetTarget> targets = first.startsWith("jdbc:") ? urlLines(file, text)
                : structured(file, text, registry, credentials);
        if (targets.isEmpty()) {
            throw new ConfigException(file + ": no targets");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FleetTarget t : targets) {
            if (!seen.add(t.url())) {
                throw new ConfigException(file + ": target " + t.name() + " is listed twice");
            }
        }
        return List.copyOf(targets);
    }

    private static List<FleetTarget> urlLines(Path file, String text) {
        List<FleetTarget> targets = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("jdbc:") || line.contains(" ")) {
                throw new ConfigException(file + ":" + n + ": expected one JDBC URL per line (jdbc:...), found '"
                        + Redactor.redactUrl(line) + "'");
            }
            targets.add(new FleetTarget(Redactor.redactUrl(line), line));
        }
        return targets;
    }

    private static List<FleetTarget> structured(Path file, String text, PluginRegistry registry,
                                                Properties credentials) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new ConfigException(file + ": neither a list of JDBC URLs nor YAML/JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected a list of JDBC URLs, or keys url and schemas/databases/"
                    + "schemas_query/databases_query, or urls");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS)
                        + ")");
            }
        }
        List<String> kinds = KEYS.subList(1, KEYS.size()).stream().filter(root::has).toList();
        if (kinds.size() != 1) {
            throw new ConfigException(file + ": give exactly one of schemas, databases, schemas_query, "
                    + "databases_query, urls (found " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")");
        }
        String kind = kinds.get(0);
        if (kind.equals("urls")) {
            return names(file, root, "urls").stream().map(u -> new FleetTarget(Redactor.redactUrl(u), u)).toList();
        }
        String url = root.path("url").asText(null);
        if (url == null || !url.startsWith("jdbc:")) {
            throw new ConfigException(file + ": '" + kind + "' needs 'url', the JDBC URL of the server");
        }
        Dialect dialect = registry.dialectForUrl(url);
        List<String> names = kind.endsWith("_query") ? query(file, dialect, url, root.path(kind).asText(""),
                credentials) : names(file, root, kind);
        boolean schemas = kind.startsWith("schemas");
        List<FleetTarget> targets = new ArrayList<>();
        for (String name : names) {
            targets.add(new FleetTarget(name, schemas ? dialect.urlForSchema(url, name) : withDatabase(url, name)));
        }
        return targets;
    }

    private static List<String> names(Path file, JsonNode root, String key) {
        JsonNode list = root.get(key);
        if (!list.isArray()) {
            throw new ConfigException(file + ": '" + key + "' must be a list");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new ConfigException(file + ": " + key + "[" + i + "] must be a non-empty name");
            }
            names.add(n.asText());
        }
        return names;
    }

    private static List<String> query(Path file, Dialect dialect, String url, String sql, Properties credentials) {
        if (sql.isBlank()) {
            throw new ConfigException(file + ": the query is empty");
        }
        List<String> names = new ArrayList<>();
        try (Connection c = dialect.connect(url, credentials); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
        } catch (SQLException e) {
            throw new ConfigException(file + ": the targets query failed on " + Redactor.redactUrl(url) + ": "
                    + Redactor.redact(e.getMessage(), credentials.getProperty("password")));
        }
        return names;
    }

    /** {@code jdbc:x://host:port/db?params} with its database replaced; percent-encoded where needed. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int hostStart = base.indexOf("//");
        if (hostStart < 0) {
            throw new ConfigException("databases need a server URL of the form jdbc:engine://host[:port]/[db], not "
                    + Redactor.redactUrl(url));
        }
        int slash = base.indexOf('/', hostStart + 2);
        String encoded = java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + encoded + (q < 0 ? "" : url.substring(q));
    }
}
