package covet.writer.json;

import covet.api.migration.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario folders under src/test/resources/fixtures: each holds one migration file named for its id. */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String scenario) {
        URL url = Fixtures.class.getResource("/fixtures/" + scenario);
        if (url == null) {
            throw new IllegalStateException("no fixture folder " + scenario);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            if (json.size() != 1) {
                throw new IllegalStateException("fixture " + scenario + " holds " + json.size() + " files");
            }
            return json.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    static Migration read(String scenario) throws IOException {
        Path file = file(scenario);
        try (InputStream in = Files.newInputStream(file)) {
            return new JsonMigrationSource().read(file.toString(), stem(file), in);
        }
    }

    static String text(String scenario) throws IOException {
        return Files.readString(file(scenario));
    }
}
