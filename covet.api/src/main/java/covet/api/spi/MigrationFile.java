package covet.api.spi;

import covet.api.Preconditions;

/**
 * One file of a migrations folder as a {@link MigrationSetSource} receives it: where it is (for messages), its name
 * and its bytes.
 */
public record MigrationFile(String location, String fileName, byte[] content) {

    public MigrationFile {
        Preconditions.notBlank(location, "migration file location");
        Preconditions.notBlank(fileName, "migration file name");
        Preconditions.notNull(content, "content of " + location);
    }
}
