package org.bizenv.framework.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bizenv.framework.LineProblem;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The problems found in one YAML file. Readers add every problem they find and go on reading, so that one pass
 * reports them all; {@link #inFileOrder()} lists them as {@code file:line: message} from the top of the file down,
 * for an editor to walk through.
 */
public final class YamlProblems {

    private final String file;
    private final String owner;
    private final List<LineProblem> found;

    /** @param file the file as the messages name it (as the user typed it) */
    public YamlProblems(String file) {
        this(file, "", new ArrayList<>());
    }

    private YamlProblems(String file, String owner, List<LineProblem> found) {
        this.file = file;
        this.owner = owner;
        this.found = found;
    }

    /** The same list, for problems said of {@code owner}: {@code about("scenario a").add(…)} reads "scenario a: …". */
    public YamlProblems about(String owner) {
        return new YamlProblems(file, this.owner + owner + ": ", found);
    }

    public String file() {
        return file;
    }

    /** A problem at {@code line} (0 = of the file as a whole). */
    public void add(int line, String message) {
        found.add(new LineProblem(line, owner + message));
    }

    /** A problem at the line where {@code at} starts. */
    public void add(Node at, String message) {
        add(YamlDocument.line(at), message);
    }

    /** Problems a model check found, at their lines. */
    public void addAll(List<LineProblem> problems) {
        for (LineProblem p : problems) {
            add(p.line(), p.message());
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Every problem as {@code file:line: message} ({@code file: message} for the whole file), sorted by line. */
    public List<String> inFileOrder() {
        List<LineProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(LineProblem::line));     // stable: one line's problems as found
        List<String> out = new ArrayList<>(sorted.size());
        for (LineProblem p : sorted) {
            out.add(p.line() > 0 ? file + ":" + p.line() + ": " + p.message() : file + ": " + p.message());
        }
        return out;
    }
}
