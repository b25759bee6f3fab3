package covet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that turn migrate, showmigrations, rollback, lint and verify into a fleet run over many databases
 * ({@code --targets FILE}; docs/distributed.md). Mixed into each of those commands.
 */
final class FleetOptions {
    @Option(names = "--targets", paramLabel = "FILE",
            description = {"Run on every target FILE lists: JDBC URLs one per line, or YAML with url and",
                    "schemas/databases/schemas_query/databases_query (docs/distributed.md)"})
    Path targets;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "With --targets: targets worked on at once (default 1)")
    int parallel;

    @Option(names = "--continue-on-error",
            description = "With --targets: go on with the other targets after one fails (default: stop starting)")
    boolean continueOnError;

    boolean active() {
        if (targets == null && (parallel != 1 || continueOnError)) {
            throw new UsageException("--parallel and --continue-on-error need --targets FILE");
        }
        return targets != null;
    }
}
