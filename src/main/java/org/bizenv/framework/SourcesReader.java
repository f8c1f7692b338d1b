package org.bizenv.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bizenv.city.TypedText;

import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.ingest.TextEncoding;
import org.bizenv.framework.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a framework file's {@code sources} (where the data come from) and {@code denominators}. */
final class SourcesReader {

    /** The survey fields a row has besides its answers (as {@code SurveyCsvReader.IDENTITY_COLUMNS} names them). */
    static final List<String> IDENTITY_FIELDS = List.of("RespondentId", "City", "Size", "Industry");

    private SourcesReader() {
    }

    static List<Source> sources(SequenceNode seq, YamlProblems problems) {
        List<Source> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            YamlMap m = YamlMap.of(n, "a source", Set.of("id", "type", "channel", "path", "sheet", "unit-column",
                    "unit-name-column", "group-columns", "not-applicable", "min-sample", "size-mix", "blanks",
                    "missing-units", "encoding", "columns", "breakdown-min-sample"),
                    problems);
            String id = m.requireCode("id");
            if (id != null && !ids.add(id)) {
                problems.add(m.lineOf("id"), "duplicate source id '" + id + "'");
            }
            String type = m.requireText("type");
            if (type != null && !Source.TYPES.contains(type)) {
                problems.add(m.lineOf("type"), "unknown source type '" + type + "' (known: "
                        + String.join(", ", Source.TYPES) + ")");
            }
            String path = m.requireText("path");
            String unitColumn = m.optText("unit-column", null);
            if ("unit-table".equals(type) && unitColumn == null) {
                problems.add(m.line(), "source '" + id + "': a unit-table needs 'unit-column'");
            }
            List<Integer> na = new ArrayList<>();
            for (double d : m.optNumbers("not-applicable")) {
                na.add((int) d);
            }
            Map<String, Double> mix = new LinkedHashMap<>();
            YamlMap mixMap = m.optMap("size-mix");
            if (mixMap != null) {
                for (String k : mixMap.keys()) {
                    double v = mixMap.optNumber(k, Double.NaN);
                    if (!(v > 0)) {
                        problems.add(mixMap.lineOf(k), "size-mix share of '" + k + "' must be positive");
                    }
                    mix.put(k, v);
                }
            }
            // a survey export's sheet is its first unless stated (platforms name it as they like)
            String defaultSheet = "walkthrough".equals(type) ? "Tests" : "survey".equals(type) ? null : "Data";
            int minSample = (int) m.optNumber("min-sample", 0);
            out.add(new Source(id, type, m.optText("channel", "other"), path, m.optText("sheet", defaultSheet),
                    unitColumn, m.optText("unit-name-column", null), m.optTexts("group-columns"), List.copyOf(na),
                    minSample, Map.copyOf(mix), m.line(),
                    TextValuesReader.blanks(m, "source '" + id + "'", type, problems),
                    missingUnits(m, id, type, problems), encoding(m, id, type, path, problems),
                    columns(m, id, type, problems), breakdownMinSample(m, id, type, minSample, problems)));
        }
        return out;
    }

    /**
     * {@code columns:} of a survey source, field → the header of its column, in file order: each header a text, no
     * header given to two fields (compared as the reader compares them: cleaned, ignoring case). Whether each field is
     * a question of the source is checked once the indicators are read ({@link #checkColumns}).
     */
    private static Map<String, String> columns(YamlMap m, String id, String type, YamlProblems problems) {
        YamlMap map = m.optMap("columns");
        if (map == null) {
            return Map.of();
        }
        if (type != null && !type.equals("survey")) {
            problems.add(m.lineOf("columns"), "source '" + id + "': columns applies to survey sources (a " + type
                    + " source names its columns by its fields)");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> byHeader = new HashMap<>();
        for (String field : map.keys()) {
            String header = map.scalar(field);
            if (header == null) {
                problems.add(map.lineOf(field), "source '" + id + "': columns: the header of '" + field
                        + "' must be a text");
                continue;
            }
            String other = byHeader.putIfAbsent(TypedText.clean(header).toLowerCase(Locale.ROOT), field);
            if (other != null) {
                problems.add(map.lineOf(field), "source '" + id + "': columns maps both " + other + " and " + field
                        + " to the header '" + header + "'; a column holds one field");
                continue;
            }
            out.put(field, header);
        }
        return out;
    }

    /**
     * Each field a survey source's {@code columns:} maps is an identity field or a question some indicator of the
     * source asks; anything else is a slip (a typo, or a question no indicator reads) reported at its line.
     */
    static void checkColumns(SequenceNode seq, List<Source> sources, List<Indicator> indicators,
                             YamlProblems problems) {
        if (seq == null) {
            return;
        }
        for (Node n : seq.getValue()) {
            if (!(n instanceof MappingNode mapping)) {
                continue;
            }
            Node id = null;
            Node columns = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")) {
                    id = t.getValueNode();
                } else if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("columns")) {
                    columns = t.getValueNode();
                }
            }
            if (!(id instanceof ScalarNode idText) || !(columns instanceof MappingNode)) {
                continue;
            }
            String sourceId = idText.getValue();
            Source source = sources.stream().filter(s -> s.id().equals(sourceId)).findFirst().orElse(null);
            if (source == null || !"survey".equals(source.type())) {
                continue;
            }
            Set<String> questions = new TreeSet<>();
            indicators.stream().filter(i -> sourceId.equals(i.source())).forEach(i -> questions.add(i.field()));
            for (YamlMap.Entry e : YamlMap.entriesWithRepeats(columns)) {
                if (!IDENTITY_FIELDS.contains(e.key()) && !questions.contains(e.key())) {
                    problems.add(e.keyLine(), "source '" + sourceId + "': columns: unknown question id '" + e.key()
                            + "' (" + (questions.isEmpty() ? "no indicator asks a question of this source"
                            : "its indicators ask " + String.join(", ", questions)) + "; or one of "
                            + String.join(", ", IDENTITY_FIELDS) + ")");
                }
            }
        }
    }

    /**
     * {@code breakdown-min-sample:} of a survey source, the fewest answers a cell of its breakdowns (a city's firms of
     * one size class or one industry) is shown without a flag; {@code min-sample} when not stated. A positive whole
     * number, and not above {@code min-sample} when that is stated: a group holds part of a city's answers, so a floor
     * above the city's would flag a group that rests on more answers than an unflagged city value.
     */
    private static int breakdownMinSample(YamlMap m, String id, String type, int minSample, YamlProblems problems) {
        String key = "breakdown-min-sample";
        if (!m.has(key)) {
            return minSample;
        }
        if (type != null && !type.equals("survey")) {
            problems.add(m.lineOf(key), "source '" + id + "': " + key + " applies to survey sources (a " + type
                    + " source has no breakdowns by size class and industry)");
            return minSample;
        }
        double v = m.optNumber(key, Double.NaN); // a value that is not a number is reported there
        if (Double.isNaN(v)) {
            return minSample;
        }
        if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            problems.add(m.lineOf(key), "source '" + id + "': " + key + " must be a positive whole number of answers,"
                    + " not '" + m.scalar(key) + "'");
            return minSample;
        }
        if (minSample > 0 && v > minSample) {
            problems.add(m.lineOf(key), "source '" + id + "': " + key + " (" + (int) v + ") is above min-sample ("
                    + minSample + "): a size class or industry holds part of a city's answers, so its floor cannot be"
                    + " higher than the city's; lower " + key + " or raise min-sample");
            return minSample;
        }
        return (int) v;
    }

    /** {@code missing-units: error | missing} of a survey source; null when not stated. */
    private static String missingUnits(YamlMap m, String id, String type, YamlProblems problems) {
        String v = m.optText("missing-units", null);
        if (v != null && !v.equals("error") && !v.equals("missing")) {
            problems.add(m.lineOf("missing-units"), "source '" + id + "': missing-units must be 'error' or 'missing', "
                    + "not '" + v + "'");
            return null;
        }
        if (v != null && type != null && !type.equals("survey")) {
            problems.add(m.lineOf("missing-units"), "source '" + id + "': missing-units applies to survey sources (a "
                    + type + " source must have every unit)");
        }
        return v;
    }

    /**
     * {@code encoding:} of a source read from a CSV file: one of {@link TextEncoding#keys()}; null when not stated
     * (detected). A workbook has no text encoding, so the key on a unit-workbooks source or an .xlsx path is an error.
     */
    private static String encoding(YamlMap m, String id, String type, String path, YamlProblems problems) {
        String v = m.optText("encoding", null);
        if (v == null) {
            return null;
        }
        TextEncoding e = TextEncoding.ofKey(v);
        if (e == null) {
            problems.add(m.lineOf("encoding"), "source '" + id + "': unknown encoding '" + v + "' (known: "
                    + String.join(", ", TextEncoding.keys()) + ")");
            return null;
        }
        boolean csv = path != null && path.toLowerCase(Locale.ROOT).endsWith(".csv");
        if ("unit-workbooks".equals(type) || path != null && !csv) {
            problems.add(m.lineOf("encoding"), "source '" + id + "': encoding applies to a .csv file, not to "
                    + ("unit-workbooks".equals(type) ? "workbooks" : "'" + path + "'"));
            return null;
        }
        return e.key();
    }

    static List<Denominator> denominators(SequenceNode seq, List<Source> sources, YamlProblems problems) {
        List<Denominator> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (Node n : seq.getValue()) {
            YamlMap m = YamlMap.of(n, "a denominator", Set.of("id", "name", "source", "field"), problems);
            String id = m.requireCode("id");
            String source = m.requireText("source");
            if (source != null && sources.stream().noneMatch(s -> s.id().equals(source))) {
                problems.add(m.lineOf("source"), "denominator '" + id + "': unknown source '" + source + "'");
            }
            Names name = m.optNames("name", new Names(id, id));
            out.add(new Denominator(id, name, source, m.requireText("field"), m.line()));
        }
        return out;
    }
}
