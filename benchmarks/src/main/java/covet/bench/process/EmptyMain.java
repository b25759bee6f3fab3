package covet.bench.process;

/** W2: the cost of a JVM that does nothing. */
public final class EmptyMain {
    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing: the process start is what is measured
    }
}
