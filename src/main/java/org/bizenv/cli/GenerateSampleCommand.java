package org.bizenv.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bizenv.sample.SampleDataGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bizenv generate-sample}: regenerates the bundled synthetic sample data. */
@Command(name = "generate-sample", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = "Writes the SYNTHETIC sample data (2023 and 2024: returns, statistics, walk-through tests, "
                + "survey microdata for the 36 cities) with a seeded, deterministic generator.")
public class GenerateSampleCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, defaultValue = "sample-data", paramLabel = "DIR",
            description = "Folder to write <DIR>/2023 and <DIR>/2024 into (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--seed", defaultValue = "2024", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        SampleDataGenerator.generate(output, seed);
        System.out.println("Synthetic sample data written to " + output.resolve("2023") + " and " + output.resolve("2024"));
        return BizenvCommand.OK;
    }
}
