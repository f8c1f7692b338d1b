package org.bizenv.framework;

import java.util.List;

/** The framework file is invalid; every problem found is listed, each as {@code file:line: message}. */
public class FrameworkException extends RuntimeException {

    private final List<String> problems;

    public FrameworkException(List<String> problems) {
        super("The framework file has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
