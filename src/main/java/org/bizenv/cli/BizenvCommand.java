package org.bizenv.cli;

import java.util.concurrent.Callable;

import org.bizenv.report.EngineVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code bizenv run | validate | template | generate-sample | bench}. */
@Command(name = "bizenv", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE, versionProvider = BizenvCommand.Version.class,
        description = "Scores cities' SME development environment from indicator workbooks and writes ranked, "
                + "bilingual Excel and JSON reports.",
        subcommands = {RunCommand.class, ValidateCommand.class, TemplateCommand.class, GenerateSampleCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a fault that is not the input's: a folder that cannot be written, no space left, "
                + "another run holding the repository, a fault of bizenv (see the message and the log it names)",
                "  2  invalid input: the framework file or the data have problems (all are listed)",
                "  64 wrong command-line usage"})
public class BizenvCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int USAGE = 64;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return USAGE;
    }

    /** {@code bizenv --version}: the engine's version as the reports state it. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bizenv " + EngineVersion.get()};
        }
    }

    /**
     * The command line, with bizenv's handling of failures: every command starts with the console for people and
     * a log file for traces ({@link LogFile}); an exception that escapes a command is told in one line (exit 2 for
     * bad input, 1 for any other fault), its trace kept in the log file, never printed.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BizenvCommand());
        cl.setExecutionStrategy(parseResult -> {
            LogFile.onFailureTo(java.nio.file.Path.of(LogFile.DEFAULT));   // `run` chooses its repository's log
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(commandLine.getCommandName(), e));
        return cl;
    }

    /** A command that threw: bad input as its message says it, anything else in words, with the log's path. */
    public static int failed(String command, Throwable e) {
        Throwable c = Outcomes.rootOfInterest(e);
        if (Outcomes.isInputProblem(c)) {
            System.err.println(c.getMessage());
            return INVALID_INPUT;
        }
        java.nio.file.Path log = LogFile.record("bizenv " + command + " failed", e);
        System.err.println("bizenv " + command + " failed: " + Faults.describe(e, null) + ".");
        System.err.println(Faults.details(log));
        return FAILED;
    }
}
