package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.spi.Dialect;
import covet.api.spi.MigrationSource;
import covet.api.spi.MigrationWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module declares both providers, and the reader knows every member of the sealed operation family. */
class FormatProvidersTest {

    @Test
    void sourceAndWriterAreFoundByServiceLoader() {
        getClass().getModule().addUses(MigrationSource.class);
        getClass().getModule().addUses(MigrationWriter.class);
        List<MigrationSource> sources = ServiceLoader.load(MigrationSource.class).stream()
                .map(ServiceLoader.Provider::get).filter(s -> s instanceof JsonMigrationSource).toList();
        List<MigrationWriter> writers = ServiceLoader.load(MigrationWriter.class).stream()
                .map(ServiceLoader.Provider::get).filter(w -> w instanceof JsonMigrationWriter).toList();
        assertEquals(1, sources.size());
        assertEquals(1, writers.size());
        MigrationSource source = sources.get(0);
        MigrationWriter writer = writers.get(0);
        assertEquals(List.of("json", "json", Dialect.API_VERSION),
                List.of(source.format(), source.fileExtension(), source.apiVersion()));
        assertEquals(List.of("json", "json", Dialect.API_VERSION),
                List.of(writer.format(), writer.fileExtension(), writer.apiVersion()));
    }

    @Test
    void readerKnowsEveryOperationKind() {
        Set<String> family = Stream.of(covet.api.operation.Operation.class.getPermittedSubclasses())
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertEquals(family, OperationReader.kinds());
    }
}
