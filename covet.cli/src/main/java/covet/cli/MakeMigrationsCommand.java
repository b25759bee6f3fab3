package covet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "makemigrations", mixinStandardHelpOptions = true,
        description = "Write a migration from the difference between the schema you want and the migrations on disk.")
final class MakeMigrationsCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Option(names = "--check", description = "Write nothing; exit 1 when changes are pending")
    boolean check;

    @Override
    public Integer call() {
        throw new UsageException("makemigrations is not available in this build yet: write migrations by hand "
                + "(docs/migration-format.md)");
    }
}
