package org.bizenv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;

/**
 * Where bizenv's messages go. The console speaks to people: it shows bizenv's own lines (the progress lines, from
 * {@code org.bizenv} loggers) and never a stack trace. The log file gets everything: Spring's, Spring Batch's and
 * H2's messages and the full trace of every failure, appended run after run.
 *
 * <p>{@code run} logs to {@code <repository>/logs/bizenv.log}; the commands without a job repository (validate,
 * template, generate-sample, bench) write no log unless they fail for a reason that is not their input, and then
 * write the trace to {@value #DEFAULT} under the working folder. Configured here, in code, before any Spring
 * context starts, and the contexts the command line starts leave it alone
 * ({@link org.bizenv.BizenvApplication#context}), so that one configuration holds from the first line to the last.
 */
final class LogFile {

    /** The log of commands without a repository: the default repository's. */
    static final String DEFAULT = ".bizenv/logs/bizenv.log";

    /** The logger whose lines go to the log file only: failure traces and the line that opens each run. */
    static final String DETAILS = "bizenv.details";

    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5level %msg%n%nopex";
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n";

    /** The file failures are written to: open (after {@link #to}) or only chosen (after {@link #onFailureTo}). */
    private static volatile Path file;
    private static volatile boolean open;

    private LogFile() {
    }

    /** The console only, and the file for failures chosen but not created: nothing is written unless one happens. */
    static void onFailureTo(Path failureLog) {
        configure(null);
        file = failureLog.toAbsolutePath().normalize();
        open = false;
    }

    /**
     * The console and {@code logFile} (appended; its folder is created).
     *
     * @return the log file's absolute path
     * @throws IOException when the folder or the file cannot be created or written
     */
    static Path to(Path logFile) throws IOException {
        Path abs = logFile.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        // open it here, where a failure is an exception to report, not a status line the logger keeps to itself
        Files.newOutputStream(abs, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)
                .close();
        configure(abs);
        file = abs;
        open = true;
        return abs;
    }

    /**
     * Writes {@code what} and the trace of {@code failure} to the log file only, opening the chosen file first if
     * needed.
     *
     * @return the log file, or null when there is none or it could not be created
     */
    static Path record(String what, Throwable failure) {
        if (file == null) {
            file = Path.of(DEFAULT).toAbsolutePath().normalize();
        }
        if (!open) {
            try {
                to(file);
            } catch (IOException e) {
                return null;
            }
        }
        LoggerFactory.getLogger(DETAILS).error(what, failure);
        return file;
    }

    /** A line in the log file only (what was run, by whom). */
    static void note(String line) {
        LoggerFactory.getLogger(DETAILS).info(line);
    }

    private static void configure(Path logFile) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;                                        // another SLF4J backend: it has its own configuration
        }
        ctx.reset();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setEncoder(encoder(ctx, CONSOLE_PATTERN));
        console.start();
        Logger bizenv = ctx.getLogger("org.bizenv");
        bizenv.setLevel(Level.INFO);
        bizenv.addAppender(console);                       // additive: the file (the root's) gets these lines too
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        if (logFile == null) {
            root.setLevel(Level.OFF);
            return;
        }
        FileAppender<ILoggingEvent> out = new FileAppender<>();
        out.setContext(ctx);
        out.setName("file");
        out.setFile(logFile.toString());
        out.setAppend(true);
        out.setEncoder(encoder(ctx, FILE_PATTERN));
        out.start();
        root.setLevel(Level.INFO);
        root.addAppender(out);
        // H2 reports through SLF4J (TRACE_LEVEL_FILE=4): its errors, not its chatter
        ctx.getLogger("h2database").setLevel(Level.WARN);
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
