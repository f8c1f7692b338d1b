package org.bizenv.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input data that cannot be used. The message lists every problem, one per line, sorted by file, sheet,
 * row and column: <pre>
 * 2 problems in the input data:
 * returns/wuhan.xlsx!Data!D5: 'abc' is not a number
 * returns/wuhan.xlsx!Data!D9: value 130 outside the valid range [0, 100]</pre>
 */
public class InputDataException extends RuntimeException {

    private final transient List<DataProblem> problems;

    /** @throws IllegalArgumentException without any problem */
    public InputDataException(List<DataProblem> problems) {
        super(message(problems.stream().sorted().toList()));
        this.problems = problems.stream().sorted().toList();
    }

    /** Every problem, sorted. */
    public List<DataProblem> problems() {
        return problems;
    }

    private static String message(List<DataProblem> sorted) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an InputDataException needs at least one problem");
        }
        String head = sorted.size() == 1 ? "1 problem in the input data:" : sorted.size() + " problems in the input data:";
        return sorted.stream().map(DataProblem::toString).collect(Collectors.joining("\n", head + "\n", ""));
    }
}
