package org.bizenv.robustness;

import java.util.List;

/**
 * A robustness analysis cannot proceed: a scenario names an unknown code, an alternative aggregation is undefined for
 * the data, an option is out of range. Every problem found is listed (scenario files report {@code file:line}).
 */
public class RobustnessException extends RuntimeException {

    private final List<String> problems;

    public RobustnessException(String problem) {
        this(List.of(problem));
    }

    public RobustnessException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
