package covet.cli;

import java.io.Console;

/**
 * Asks yes/no questions. With {@code --yes} every answer is yes; without a terminal on standard input there is
 * nobody to ask, so the answer is no.
 */
final class Questions {
    private Questions() {
    }

    /** True when there is somebody to ask. */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // JDK 22+ hands out a Console even when the streams are redirected; Console.isTerminal() (JDK 22) tells
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    static boolean confirm(boolean yes, String question) {
        if (yes) {
            return true;
        }
        if (!interactive()) {
            return false;
        }
        String answer = System.console().readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
