package org.bizenv.framework;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.framework.yaml.YamlDocument;
import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.bizenv.framework.yaml.YamlValues;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.ParsedNumber;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads what a cell that holds no number means: {@code text-values} (text codes and their meaning) and
 * {@code blanks} (a blank is an error or missing), of the defaults, a source or an indicator.
 */
final class TextValuesReader {

    private TextValuesReader() {
    }

    /** Text values and blanks apply to the table sources only. */
    static boolean takesTextValues(String sourceType) {
        return sourceType.equals("unit-table") || sourceType.equals("unit-workbooks");
    }

    /**
     * {@code text-values: {"No Practice": {score: 0}, "No VAT": not-applicable}}: code → meaning, keyed by the
     * code's matching key (ignoring case and spacing). A code the readers would take for a number or a blank
     * cannot be a text value.
     */
    static Map<String, TextValue> textValues(YamlMap m, String owner, YamlProblems problems) {
        Map<String, TextValue> out = new LinkedHashMap<>();
        Node v = m.value("text-values");
        if (v == null) {
            return out;
        }
        if (!(v instanceof MappingNode)) {
            problems.add(v, owner + ": text-values must be a mapping like {\"No Practice\": {score: 0}, "
                    + "\"No VAT\": not-applicable}");
            return out;
        }
        for (YamlMap.Entry e : YamlMap.entriesWithRepeats(v)) {
            int at = e.keyLine();
            String text = e.key().strip();
            if (text.isEmpty()) {
                problems.add(at, owner + ": a text value needs its text");
                continue;
            }
            var kind = CellValues.parseNumber(text).kind();
            if (kind != ParsedNumber.Kind.NOT_A_NUMBER) {
                problems.add(at, owner + ": text value '" + text + "' reads as " + (kind == ParsedNumber.Kind.BLANK
                        ? "a blank cell" : "a number") + ", so it cannot be a text code");
                continue;
            }
            TextValue meaning = textValue(text, e.value(), owner, problems);
            if (meaning != null && out.put(TextValue.key(text), meaning) != null) {
                problems.add(at, owner + ": text value '" + text + "' is given twice (texts are matched ignoring "
                        + "case and spacing)");
            }
        }
        return out;
    }

    private static TextValue textValue(String text, Node v, String owner, YamlProblems problems) {
        int at = YamlDocument.line(v);
        if (v instanceof ScalarNode s && s.getValue().strip().equals("not-applicable")) {
            return new TextValue(text, true, Double.NaN, at);
        }
        if (v instanceof MappingNode mn && mn.getValue().size() == 1
                && mn.getValue().get(0).getKeyNode() instanceof ScalarNode k && k.getValue().equals("score")) {
            String written = YamlValues.text(mn.getValue().get(0).getValueNode());
            Double score = YamlValues.number(written);
            if (score != null) {
                return new TextValue(text, false, score, at);
            }
            String why = YamlValues.numberProblem(written);
            if (why != null) {
                problems.add(at, owner + ": text value '" + text + "': score: " + why);
                return null;
            }
        }
        problems.add(at, owner + ": text value '" + text + "' must be not-applicable or {score: <number>}");
        return null;
    }

    /** {@code blanks: error | missing} of a source or indicator; null when not stated. */
    static String blanks(YamlMap m, String owner, String sourceType, YamlProblems problems) {
        String b = m.optText("blanks", null);
        if (b == null) {
            return null;
        }
        if (!b.equals("error") && !b.equals("missing")) {
            problems.add(m.lineOf("blanks"), owner + ": blanks must be 'error' or 'missing', not '" + b + "'");
            return null;
        }
        if (sourceType != null && !takesTextValues(sourceType)) {
            problems.add(m.lineOf("blanks"), owner + ": blanks applies to unit-table and unit-workbooks sources");
        }
        return b;
    }
}
