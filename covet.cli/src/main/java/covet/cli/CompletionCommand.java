package covet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for every command and option.",
                "bash: source <(covet completion bash)   (or save it in",
                "/etc/bash_completion.d/covet)",
                "zsh: source <(covet completion zsh)   (in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        // the CLI registers only the command being run; the script needs them all
        CommandLine full = Main.commandLine(new CovetCommand(), null);
        String script = AutoComplete.bash("covet", full);
        switch (shell) {
            case "bash" -> System.out.print(script);
            // picocli's script is written for bash's completion API, which zsh provides through bashcompinit
            case "zsh" -> System.out.print("autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw new UsageException("covet completion: unknown shell '" + shell + "' (bash or zsh)");
        }
        return ExitCodes.OK;
    }
}
