package org.bizenv.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The console as a person sees it: each test's standard output and error captured, and {@link #execute} running the
 * command line in this JVM exactly as {@code main} does (without its {@code System.exit}).
 */
abstract class CommandLineTestBase {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void captureConsole() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** Runs {@code bizenv args…}; what an earlier call printed is cleared first, so the output is this call's. */
    int execute(String... args) {
        out.reset();
        err.reset();
        return BizenvCommand.commandLine().execute(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
