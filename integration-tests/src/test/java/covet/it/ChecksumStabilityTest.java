package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.migration.Migration;
import covet.engine.checksum.Checksums;
import covet.engine.plugin.PluginRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Migration files written before the schema model grew (format 1) keep the checksum the release that wrote them
 * recorded; otherwise every database migrated by it would stop with a checksum mismatch after an upgrade. The
 * expected values were computed by the previous release's code (commit a31dac2) from the same files.
 */
class ChecksumStabilityTest {

    @ParameterizedTest
    @CsvSource({
            "covet.writer/src/test/resources/fixtures/canonical/20261124_120000_create_users.json,"
                    + "41d32a062b840b3e611dbee2f603f5dd47f3accc59fdd6120d7c4adfb0312fea",
            "examples/blog/migrations/20261124_100000_create_users.json,"
                    + "73d686754bc35a14e083def5612db3d53bd99f206bb8faa5620921b6c1210830",
            "examples/blog/migrations/20261124_100100_create_posts.json,"
                    + "eb39e2a6ff3744072ef9063b8dd35f2fb8118743832b73c08825c3c35a6e2bbe"})
    void formatOneFilesKeepTheirChecksum(String file, String checksum) throws Exception {
        Path path = Servers.repo().resolve(file);
        String stem = path.getFileName().toString().replaceFirst("\\.json$", "");
        Migration m;
        try (InputStream in = Files.newInputStream(path)) {
            m = PluginRegistry.discover().sourceForExtension("json").orElseThrow()
                    .read(path.toString(), stem, in);
        }
        assertEquals(checksum, Checksums.of(m.operations()), file);
    }
}
