package covet.spring;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything written to standard output and error while it is open, still passed through. Logback's console
 * appender writes to whatever System.out is at each write, so the application's log lands here.
 */
final class ConsoleCapture implements AutoCloseable {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    ConsoleCapture() {
        System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
    }

    synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }

    private final class Tee extends OutputStream {
        private final PrintStream through;

        Tee(PrintStream through) {
            this.through = through;
        }

        @Override
        public void write(int b) {
            synchronized (ConsoleCapture.this) {
                captured.write(b);
            }
            through.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (ConsoleCapture.this) {
                captured.write(b, off, len);
            }
            through.write(b, off, len);
        }
    }
}
