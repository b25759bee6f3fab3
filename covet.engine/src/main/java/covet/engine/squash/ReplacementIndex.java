package covet.engine.squash;

import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which migrations replace which: read from a sidecar file {@code <id>.replaces} beside a squashed migration, one
 * replaced id per line ({@code #} starts a comment). The sidecar carries what the migration format has no field for,
 * so squashing needs no change to the API or the file format. Formats ignore the file: its extension is no format's.
 */
public final class ReplacementIndex {
    public static final String SUFFIX = ".replaces";
    public static final ReplacementIndex EMPTY = new ReplacementIndex(Map.of());
    private static final String CLASSPATH = "classpath:";

    private final Map<String, List<String>> replaces;

    private ReplacementIndex(Map<String, List<String>> replaces) {
        this.replaces = replaces;
    }

    /** An index of {@code squashed id -> replaced ids}, e.g. for migrations built in code. */
    public static ReplacementIndex of(Map<String, List<String>> replaces) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        replaces.forEach((k, v) -> {
            if (v.isEmpty() || v.contains(k)) {
                throw new IllegalArgumentException("squash " + k + " must replace at least one other migration");
            }
            copy.put(k, List.copyOf(new LinkedHashSet<>(v)));
        });
        return new ReplacementIndex(Map.copyOf(copy));
    }

    /**
     * The sidecars beside {@code migrations}: a file beside each migration read from a file, a resource beside each
     * one read from the class path ({@code resources} may be null when there are none).
     */
    public static ReplacementIndex beside(Collection<Migration> migrations, ClassLoader resources) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Migration m : migrations) {
            String where = m.location();
            if (where == null) {
                continue;
            }
            if (where.startsWith(CLASSPATH)) {
                if (resources != null) {
                    String name = sibling(where.substring(CLASSPATH.length()), m.id());
                    try (InputStream in = resources.getResourceAsStream(name)) {
                        if (in != null) {
                            found.put(m.id(), parse(CLASSPATH + name,
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    } catch (IOException e) {
                        throw new MalformedMigrationException(CLASSPATH + name, "cannot be read: " + e.getMessage());
                    }
                }
                continue;
            }
            Path file = Path.of(where).resolveSibling(m.id() + SUFFIX);
            if (Files.isRegularFile(file)) {
                try {
                    found.put(m.id(), parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new MalformedMigrationException(file.toString(), "cannot be read: " + e.getMessage());
                }
            }
        }
        return of(found);
    }

    /** The ids in a sidecar's text; a line that is not a migration id is an error naming the file and line. */
    public static List<String> parse(String where, String text) {
        List<String> ids = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!MigrationIds.isValid(id)) {
                throw new MalformedMigrationException(where, i + 1, 1, "'" + id
                        + "' is not a migration id (YYYYMMDD_HHMMSS_name); a .replaces file lists one per line");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new MalformedMigrationException(where, "lists no migration ids");
        }
        return ids;
    }

    /** The sidecar's text for {@code replaced}. */
    public static String format(String squashedId, List<String> replaced) {
        StringBuilder b = new StringBuilder("# Migrations that ").append(squashedId)
                .append(" replaces (written by covet squash).\n")
                .append("# Keep this file after deleting them: it tells Covet their history rows are accounted for.\n");
        replaced.forEach(id -> b.append(id).append('\n'));
        return b.toString();
    }

    /** The ids {@code id} replaces; empty when it is not a squashed migration. */
    public List<String> replaces(String id) {
        return replaces.getOrDefault(id, List.of());
    }

    /** Every squashed migration's id. */
    public Set<String> squashes() {
        return replaces.keySet();
    }

    /** This index with one more squash. */
    public ReplacementIndex with(String squashedId, List<String> replaced) {
        Map<String, List<String>> copy = new LinkedHashMap<>(replaces);
        copy.put(squashedId, replaced);
        return of(copy);
    }

    private static String sibling(String resource, String id) {
        int slash = resource.lastIndexOf('/');
        return (slash >= 0 ? resource.substring(0, slash + 1) : "") + id + SUFFIX;
    }

    @Override
    public String toString() {
        return "ReplacementIndex" + replaces;
    }
}
