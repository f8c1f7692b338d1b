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
        footer = {"  0  success", "  1  the job failed for another reason (see the message)",
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

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BizenvCommand());
        return cl;
    }
}
