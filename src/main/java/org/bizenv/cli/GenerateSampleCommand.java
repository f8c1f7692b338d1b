package org.bizenv.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bizenv.sample.SampleDataGenerator;
import org.bizenv.sample.SampleEdition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bizenv generate-sample}: writes the synthetic sample data. By default into a folder of its own, never into the
 * bundled {@code sample-data/}, and only into a new or empty folder unless {@code --force}: regenerating the bundled
 * sample is a deliberate {@code --output sample-data --force}.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = {"Writes the SYNTHETIC sample data (2023 and 2024: returns, statistics, walk-through tests, "
                + "survey microdata) for the 36 key cities or, with --edition 50, the 50-city edition, with a seeded, "
                + "deterministic generator.",
                "Writes only into a new or empty folder unless --force is given (to regenerate the bundled samples: "
                        + "--output sample-data --force, and --edition 50 --output sample-data/50 --force)."})
public class GenerateSampleCommand implements Callable<Integer> {

    /** Not {@code sample-data}: the bundled sample is only ever replaced on purpose. */
    static final String DEFAULT_OUTPUT = "generated-sample";

    @Option(names = {"-o", "--output"}, defaultValue = DEFAULT_OUTPUT, paramLabel = "DIR",
            description = "Folder to write <DIR>/2023 and <DIR>/2024 into, new or empty (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--seed", defaultValue = "2024", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--edition", defaultValue = "36", paramLabel = "36|50",
            description = "36: the 36 key cities (indicators/miit-sme-2024.yaml); 50: the 50 cities of "
                    + "indicators/miit-sme-50-2024.yaml, about 50,000 questionnaires a year (default: ${DEFAULT-VALUE})")
    String edition;

    @Option(names = "--force", description = "Write even if DIR is not empty, replacing the sample files there "
            + "(other files are left as they are)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        SampleEdition chosen = SampleEdition.of(edition);
        if (chosen == null) {
            System.err.println("--edition must be 36 or 50, not '" + edition + "'");
            return BizenvCommand.USAGE;
        }
        String refusal = OutputFolders.refusal(output, force);
        if (refusal != null) {
            System.err.println(refusal);
            return BizenvCommand.USAGE;
        }
        SampleDataGenerator.generate(output, seed, chosen);
        System.out.println("Synthetic sample data written to " + output.resolve("2023") + " and " + output.resolve("2024"));
        return BizenvCommand.OK;
    }
}
