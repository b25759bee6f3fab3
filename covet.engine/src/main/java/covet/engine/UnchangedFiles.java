package covet.engine;

import covet.api.migration.Migration;
import covet.engine.history.AppliedMigration;
import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The migrations folder as bytes: a hash of each file an installed format reads, taken without parsing anything.
 * The history records each migration's file hash beside its canonical checksum; when every file's hash is recorded
 * for an applied migration, nothing is pending and nothing changed, which a no-op migrate can tell from one history
 * read (issue 20). The canonical checksum stays the judge of a changed file: re-formatting changes the bytes, sends
 * the run down the parsing path, where the checksum still matches and the new hash is recorded.
 *
 * <p>The hash covers the file's name as well as its bytes: two files with the same bytes (two SQL versions with the
 * same statement) stay told apart, and a renamed file, whose id may come from its name, is parsed again.
 */
public final class UnchangedFiles {
    /** File name to hash, for every file of the folder that a format reads. */
    private final Map<String, String> hashByName;

    private UnchangedFiles(Map<String, String> hashByName) {
        this.hashByName = Map.copyOf(hashByName);
    }

    /**
     * The hashes of {@code dir}'s migration files, or empty when reading the folder needs the loader's own words: no
     * folder, a file no installed format reads (the loader names it), an entry named like a migration file that is no
     * regular file (the loader refuses it). Hidden entries are skipped, as the loader skips them.
     */
    static Optional<UnchangedFiles> of(Path dir, PluginRegistry registry) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) list::iterator) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                boolean readable = dot > 0 && registry.sourceForExtension(name.substring(dot + 1)).isPresent();
                boolean regular = Files.isRegularFile(entry);
                if (regular && readable) {
                    hashes.put(name, hash(name, Files.readAllBytes(entry)));
                } else if (regular || readable) {
                    return Optional.empty(); // a file the loader names as unread, or an entry it refuses
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the loader says what is wrong with the folder or the file
        }
        return Optional.of(new UnchangedFiles(hashes));
    }

    /** The hash recorded for a migration file: SHA-256 over its name, a NUL byte and its bytes, in hex. */
    public static String hash(String fileName, byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fileName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The hash of the file {@code m} was read from, or null when it was read from no file of this folder. */
    String hashOf(Migration m) {
        if (m.where() == null) {
            return null;
        }
        Path file = Path.of(m.where()).getFileName();
        return file == null ? null : hashByName.get(file.toString());
    }

    /**
     * True when {@code rows} (one app's history) are exactly the folder's files, each applied completely with the
     * bytes it has now: then no file is pending, none changed, and no row lacks its file. Anything else (a pending or
     * changed file, a partly applied migration, a row without a hash, a folder shared by other apps, an undo file
     * that is no migration of its own) is for the parsing path to decide.
     */
    boolean allApplied(List<AppliedMigration> rows) {
        if (rows.size() != hashByName.size()) {
            return false;
        }
        Set<String> recorded = new HashSet<>();
        for (AppliedMigration row : rows) {
            if (!row.complete() || row.fileHash() == null || !recorded.add(row.fileHash())) {
                return false;
            }
        }
        return recorded.containsAll(hashByName.values());
    }
}
