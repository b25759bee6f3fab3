package covet.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's logging. A user's own Logback configuration wins: {@code -Dlogback.configurationFile} (passed in
 * {@code COVET_JAVA_OPTS}) is left to Logback, and a {@code logback.xml} in the working folder or the project root
 * (the nearest folder up with a covet.yaml/.yml/.json) is read. Otherwise logging is set up in code rather than
 * from an XML file, which costs a third of a second of start-up, with a fixed line layout rather than a parsed
 * pattern: warnings to standard error, or everything from Covet at DEBUG with COVET_DEBUG set. {@code -v} and
 * {@code -q} change the levels afterwards ({@link #verbose}, {@link #quiet}).
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    private static final List<String> PROJECT_FILES = List.of("covet.yaml", "covet.yml", "covet.json");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path own = projectLogback();
        if (own != null) {
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(context);
            try {
                joran.doConfigure(own.toFile());
                return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
            } catch (JoranException e) {
                System.err.println("warning: " + own + " is not a valid Logback configuration (" + e.getMessage()
                        + "); using Covet's own");
                context.reset();
            }
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        LineLayout layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        if (System.getenv("COVET_DEBUG") != null) {
            context.getLogger("covet").setLevel(Level.DEBUG);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** logback.xml in the working folder, else in the project root; null when neither has one. */
    static Path projectLogback() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("logback.xml"))) {
            return cwd.resolve("logback.xml");
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            for (String name : PROJECT_FILES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    Path xml = dir.resolve("logback.xml");
                    return Files.isRegularFile(xml) ? xml : null;
                }
            }
        }
        return null;
    }

    /** {@code -v}: every statement ({@code covet.sql}) and every run line ({@code covet.run}). */
    static void verbose() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("covet").setLevel(Level.DEBUG);
        }
    }

    /** {@code -q}: errors only; the lock-wait notice too is dropped. */
    static void quiet() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("covet").setLevel(Level.ERROR);
        }
    }

    /** {@code LEVEL logger: message}, without the cost of compiling a pattern. */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String logger = event.getLoggerName();
            return event.getLevel() + " " + logger.substring(logger.lastIndexOf('.') + 1) + ": "
                    + event.getFormattedMessage() + System.lineSeparator();
        }
    }
}
