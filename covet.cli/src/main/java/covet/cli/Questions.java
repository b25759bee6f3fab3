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
        return System.console() != null;
    }

    static boolean confirm(boolean yes, String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
