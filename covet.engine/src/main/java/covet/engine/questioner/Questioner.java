package covet.engine.questioner;

/**
 * Answers the questions the autodetector cannot decide alone (is this a rename?). Injected, so the diff itself does
 * no I/O: the CLI asks on a terminal, tests and scripts answer from {@code --rename} flags.
 */
public interface Questioner {

    /** True when table {@code from} was renamed to {@code to}, rather than dropped and another created. */
    boolean isTableRename(String from, String to);

    /** True when column {@code from} of {@code table} was renamed to {@code to}. */
    boolean isColumnRename(String table, String from, String to);

    /** Never guesses: every rename question is answered no. */
    Questioner NO_RENAMES = new Questioner() {
        @Override
        public boolean isTableRename(String from, String to) {
            return false;
        }

        @Override
        public boolean isColumnRename(String table, String from, String to) {
            return false;
        }
    };
}
