package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.cli.BizenvCommand;
import org.bizenv.fixtures.Csv;
import org.bizenv.framework.Composite;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.framework.TextValue;
import org.bizenv.ingest.Problems;
import org.bizenv.normalise.Normalisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reproduces the World Bank's Doing Business 2020 scores (fixtures/doing-business-2020, see PROVENANCE.md) by running
 * the job on the dataset with indicators/doing-business-2020.yaml (from raw values) and with
 * indicators/doing-business-2020-published-scores.yaml (from the published indicator scores), and compares the
 * reports with the published columns. The largest errors at each level are printed (and quoted in
 * docs/doing-business.md).
 */
class DoingBusiness2020Test extends JobTestBase {

    static final Path FRAMEWORK = Path.of("indicators/doing-business-2020.yaml");
    static final Path FROM_SCORES = Path.of("indicators/doing-business-2020-published-scores.yaml");
    static final Path DATA = Path.of("src/test/resources/fixtures/doing-business-2020");
    static final Path EXAMPLE = Path.of("examples/doing-business-2020/data");
    static final String AT = "2020-10-24T00:00:00Z";

    /** Raw values are rounded to one decimal: an indicator score may differ by up to 100·0.05/15 = 0.33 (RP.COST). */
    static final double INDICATOR_TOLERANCE = 0.34;
    static final double OVERALL_TOLERANCE = 0.02;
    static final double FROM_SCORES_TOLERANCE = 1e-4;

    static final Map<String, String> TOPIC_COLUMNS = new LinkedHashMap<>();

    static {
        TOPIC_COLUMNS.put("SB", "Score-Starting a business");
        TOPIC_COLUMNS.put("CP", "Score-Dealing with construction permits (DB16-20 methodology)");
        TOPIC_COLUMNS.put("GE", "Score-Getting electricity (DB16-20 methodology)");
        TOPIC_COLUMNS.put("RP", "Score-Registering property (DB17-20 methodology)");
        TOPIC_COLUMNS.put("GC", "Score-Getting credit (DB15-20 methodology)");
        TOPIC_COLUMNS.put("PMI", "Score-Protecting minority investors (DB15-20 methodology)");
        TOPIC_COLUMNS.put("PT", "Score-Paying taxes (DB17-20 methodology)");
        TOPIC_COLUMNS.put("TAB", "Score-Trading across borders (DB16-20 methodology)");
        TOPIC_COLUMNS.put("EC", "Score-Enforcing contracts (DB17-20 methodology)");
        TOPIC_COLUMNS.put("RI", "Score-Resolving insolvency");
    }

    static final String OVERALL = "Ease of doing business score (DB17-20 methodology)";
    static final String RANK = "Ease of doing business rank";


    @TempDir
    Path tmp;



    static final Csv DB = Csv.read("doing-business-2020/db2020.csv");
    static final String[] CODES = DB.texts("Country code");
    static final Map<String, Integer> ROW = new HashMap<>();

    static {
        for (int i = 0; i < CODES.length; i++) {
            ROW.put(CODES[i], i);
        }
    }

    private JsonNode run(Path framework, Path data) throws Exception {
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(framework, data, 2020, tmp.resolve("reports"),
                null, AT).withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        assertThat(o.succeeded()).isTrue();
        return JsonMapper.builder().build().readTree(tmp.resolve("reports/2020/bizenv-report-2020.json").toFile());
    }

    /** The 190 ranked economies: rows with a published rank (the national rows of two-city economies included). */
    static List<String> rankedEconomies() {
        String[] ranks = DB.texts(RANK);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CODES.length; i++) {
            if (!ranks[i].isBlank()) {
                out.add(CODES[i]);
            }
        }
        return out;
    }

    static double published(String column, String unit) {
        return Csv.parse(DB.text(ROW.get(unit), column));
    }

    /** Each raw column is followed by its published score ("Score-…"; repeated names have their own suffix). */
    static String scoreColumn(String rawColumn) {
        String s = DB.header().get(DB.column(rawColumn) + 1);
        assertThat(s).startsWith("Score-");
        return s;
    }

    static double score(JsonNode report, String node, String unit) {
        for (JsonNode n : report.get("nodes")) {
            if (n.get("code").asString().equals(node)) {
                JsonNode v = n.get("scores").get(unit);
                return v.isNull() ? Double.NaN : v.asDouble();
            }
        }
        throw new IllegalArgumentException(node);
    }

    static int rank(JsonNode report, String node, String unit) {
        for (JsonNode n : report.get("nodes")) {
            if (n.get("code").asString().equals(node)) {
                JsonNode v = n.get("ranks").get(unit);
                return v.isNull() ? 0 : v.asInt();
            }
        }
        throw new IllegalArgumentException(node);
    }

    /** The largest error seen at one level, and where. */
    static final class Largest {
        double error;
        String where = "";

        void see(double e, String at) {
            if (e > error) {
                error = e;
                where = at;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, error >= 1e-3 ? "%.5f (%s)" : "%.1e (%s)", error, where);
        }
    }

    @Test
    void reproducesThePublishedScoresFromRawValues() throws Exception {
        Framework fw = FrameworkLoader.load(FRAMEWORK);
        JsonNode report = run(FRAMEWORK, DATA);
        Set<String> nationals = fw.composites().units().stream().map(Composite::unit).collect(Collectors.toSet());
        List<String> economies = rankedEconomies();
        assertThat(economies).hasSize(190);

        // Every indicator score of every economy and city scored from its own raw values.
        Largest indicator = new Largest();
        Largest nationalIndicator = new Largest();
        int compared = 0;
        int notApplicable = 0;
        JsonNode normalised = report.get("stages").get("normalised").get("values");
        for (Indicator ind : fw.indicators()) {
            String column = scoreColumn(ind.field());
            for (String unit : CODES) {
                String pub = DB.text(ROW.get(unit), column);
                JsonNode v = normalised.get(ind.code()).get(unit);
                TextValue code = ind.textValue(pub);
                if (code != null && code.notApplicable()) {
                    assertThat(v.isNull()).as("%s %s is not applicable", unit, ind.code()).isTrue();
                    notApplicable++;
                    continue;
                }
                double d = Math.abs(v.asDouble() - Double.parseDouble(pub));
                if (nationals.contains(unit)) {
                    nationalIndicator.see(d, ind.code() + ", " + unit);    // from its cities: informative only
                    continue;
                }
                assertThat(d).as("%s, %s", unit, ind.code()).isLessThanOrEqualTo(INDICATOR_TOLERANCE);
                indicator.see(d, ind.code() + ", " + unit);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(47 * (213 - 11) - notApplicableOutside(fw, nationals));
        assertThat(notApplicable).isPositive();

        // Topics and the overall score of the 190 economies. The raw values' rounding propagates: each topic must
        // lie within the bound that ±0.05 on every raw value gives, and the overall score within 0.02.
        Largest topic = new Largest();
        Largest overall = new Largest();
        Largest twoCityOverall = new Largest();
        double worstShareOfBound = 0;
        Bounds bounds = new Bounds(fw);
        for (String unit : economies) {
            for (var t : TOPIC_COLUMNS.entrySet()) {
                double d = Math.abs(score(report, t.getKey(), unit) - published(t.getValue(), unit));
                double bound = bounds.of(t.getKey(), unit);
                assertThat(d).as("%s, %s", unit, t.getKey()).isLessThanOrEqualTo(bound + 1e-5);
                worstShareOfBound = Math.max(worstShareOfBound, d / (bound + 1e-5));
                topic.see(d, t.getKey() + ", " + unit);
            }
            double d = Math.abs(score(report, "DB", unit) - published(OVERALL, unit));
            assertThat(d).as("%s overall", unit).isLessThanOrEqualTo(OVERALL_TOLERANCE);
            overall.see(d, unit);
            if (nationals.contains(unit)) {
                twoCityOverall.see(d, unit);
            }
        }

        // Ranks: the 190 economies only; wherever two published scores differ by more than the tolerance, the
        // computed scores order them the same way.
        Ranks ranks = Ranks.compare(report, economies, OVERALL_TOLERANCE);
        assertThat(ranks.ranked).isEqualTo(190);
        assertThat(ranks.orderViolations).isEmpty();
        for (String city : List.of("CHN", "CHN_Beij", "USA_Losa", "LIE")) {
            assertThat(rank(report, "DB", city)).as(city).isZero();
            assertThat(score(report, "DB", city)).as(city + " is scored").isNotNaN();
        }
        int grouped = 0;
        for (JsonNode g : report.get("groupMeans")) {
            grouped += g.get("grouping").asString().equals("Region") ? g.get("units").asInt() : 0;
        }
        assertThat(grouped).as("group means count the ranked economies once").isEqualTo(190);
        double liechtenstein = Math.abs(score(report, "DB", "LIE") - published(OVERALL, "LIE"));
        assertThat(liechtenstein).isLessThanOrEqualTo(OVERALL_TOLERANCE);

        System.out.println("Doing Business 2020 from raw values (" + FRAMEWORK + "), largest absolute errors:");
        System.out.println("  indicator scores, " + compared + " values of 202 economies and cities: " + indicator);
        System.out.println("  indicator scores of the 11 two-city economies (from their cities, not tested): "
                + nationalIndicator);
        System.out.println("  topic scores, 190 economies: " + topic + String.format(Locale.ROOT,
                "; at most %.0f%% of the raw-rounding bound", 100 * worstShareOfBound));
        System.out.println("  overall scores, 190 economies: " + overall);
        System.out.println("  overall scores of the 11 two-city economies (from their cities): " + twoCityOverall);
        System.out.println("  Liechtenstein (scored, unranked): " + String.format(Locale.ROOT, "%.5f", liechtenstein));
        System.out.println("  ranks: " + ranks);
    }

    /** Not-applicable values outside the national rows (those are not compared). */
    private static int notApplicableOutside(Framework fw, Set<String> nationals) {
        int n = 0;
        for (Indicator ind : fw.indicators()) {
            String column = scoreColumn(ind.field());
            for (String unit : CODES) {
                TextValue code = ind.textValue(DB.text(ROW.get(unit), column));
                n += !nationals.contains(unit) && code != null && code.notApplicable() ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void reproducesTopicAndOverallScoresFromThePublishedIndicatorScores() throws Exception {
        Framework fw = FrameworkLoader.load(FROM_SCORES);
        JsonNode report = run(FROM_SCORES, DATA);
        Set<String> nationals = fw.composites().units().stream().map(Composite::unit).collect(Collectors.toSet());

        Largest topic = new Largest();
        Largest overall = new Largest();
        Largest twoCity = new Largest();
        for (String unit : CODES) {                     // every economy and city, Liechtenstein too
            for (var t : TOPIC_COLUMNS.entrySet()) {
                double d = Math.abs(score(report, t.getKey(), unit) - published(t.getValue(), unit));
                assertThat(d).as("%s, %s", unit, t.getKey()).isLessThanOrEqualTo(FROM_SCORES_TOLERANCE);
                topic.see(d, t.getKey() + ", " + unit);
                if (nationals.contains(unit)) {
                    twoCity.see(d, t.getKey() + ", " + unit);
                }
            }
            double d = Math.abs(score(report, "DB", unit) - published(OVERALL, unit));
            assertThat(d).as("%s overall", unit).isLessThanOrEqualTo(FROM_SCORES_TOLERANCE);
            overall.see(d, unit);
            if (nationals.contains(unit)) {
                twoCity.see(d, "overall, " + unit);
            }
        }
        // The postfiling index where no part applies (Bahrain, Qatar …: no VAT, no corporate income tax) is left
        // out: it is blank in the dataset and null in the report.
        for (String unit : List.of("BHR", "QAT")) {
            assertThat(published("Score-Postfiling index (0-100) (DB17-20 methodology)", unit)).isNaN();
            assertThat(score(report, "PT.PF", unit)).isNaN();
            assertThat(score(report, "PT", unit)).isNotNaN();
        }
        Ranks ranks = Ranks.compare(report, rankedEconomies(), 0);
        assertThat(ranks.exact).as("every published rank").isEqualTo(190);

        System.out.println("Doing Business 2020 from the published indicator scores (" + FROM_SCORES
                + "), largest absolute errors:");
        System.out.println("  topic scores, 213 economies and cities: " + topic);
        System.out.println("  overall scores, 213 economies and cities: " + overall);
        System.out.println("  the 11 two-city economies, topics and overall from their cities: " + twoCity);
        System.out.println("  ranks: " + ranks);
    }

    @Test
    void theCommandLineRunsTheExample() throws Exception {
        // The example data folder holds the same file as the test fixture.
        assertThat(Fingerprint.sha256(EXAMPLE.resolve("db2020.csv"))).isEqualTo(Fingerprint.sha256(DATA.resolve(
                "db2020.csv"))).isEqualTo("7b141fdd9b009546450aa308b85ce2b647c1ddf8da63740e7858765f22d7c9fe");
        Path out = tmp.resolve("cli-reports");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try (PrintStream capture = new PrintStream(tee(printed, stdout), true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            exit = BizenvCommand.commandLine().execute("run", "--framework", FRAMEWORK.toString(), "--data",
                    EXAMPLE.toString(), "--year", "2020", "--output", out.toString(), "--repository",
                    tmp.resolve("cli-repository").toString(), "--no-robustness");
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isEqualTo(BizenvCommand.OK);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Completed (steps run: intake, survey, survey-merge, score, publish). Reports: " + out.resolve("2020")
                        .toAbsolutePath().normalize());
        JsonNode report = JsonMapper.builder().build().readTree(out.resolve("2020/bizenv-report-2020.json").toFile());
        assertThat(rank(report, "DB", "NZL")).isEqualTo(1);
        assertThat(score(report, "DB", "NZL")).isCloseTo(published(OVERALL, "NZL"), within(OVERALL_TOLERANCE));
        assertThat(out.resolve("2020/bizenv-report-2020.xlsx")).isRegularFile();
    }

    private static OutputStream tee(OutputStream a, OutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int c) throws IOException {
                a.write(c);
                b.write(c);
            }
        };
    }

    @Test
    void bothFrameworksStateTheSameTree() {
        Framework raw = FrameworkLoader.load(FRAMEWORK);
        Framework fromScores = FrameworkLoader.load(FROM_SCORES);
        assertThat(fromScores.nodes()).hasSameSizeAs(raw.nodes());
        for (int k = 0; k < raw.nodes().size(); k++) {
            Node a = raw.nodes().get(k);
            Node b = fromScores.nodes().get(k);
            assertThat(List.of(b.code(), String.valueOf(b.parent()), b.weight(), b.name(), b.aggregation().describe(),
                    b.weighting().describe())).isEqualTo(List.of(a.code(), String.valueOf(a.parent()), a.weight(),
                    a.name(), a.aggregation().describe(), a.weighting().describe()));
        }
        assertThat(fromScores.indicators()).hasSameSizeAs(raw.indicators());
        for (int j = 0; j < raw.indicators().size(); j++) {
            Indicator a = raw.indicators().get(j);
            Indicator b = fromScores.indicators().get(j);
            assertThat(List.of(b.code(), b.parent(), b.weight(), b.name(), b.field()))
                    .isEqualTo(List.of(a.code(), a.parent(), a.weight(), a.name(), scoreColumn(a.field())));
            assertThat(a.normalisation().method()).isEqualTo("goalposts");
            assertThat(b.normalisation().method()).isEqualTo("none");
            assertThat(notApplicableTexts(b)).isEqualTo(notApplicableTexts(a));
        }
        assertThat(fromScores.composites().ranked()).isEqualTo(raw.composites().ranked());
        assertThat(fromScores.composites().units()).extracting(Composite::unit, Composite::components)
                .isEqualTo(raw.composites().units().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.unit(),
                        c.components())).toList());
        assertThat(raw.composites().units()).hasSize(11);
        assertThat(List.of(fromScores.ranking().decimals(), fromScores.ranking().compareRounded(),
                fromScores.ranking().unranked())).isEqualTo(List.of(raw.ranking().decimals(),
                raw.ranking().compareRounded(), raw.ranking().unranked()));
        // the weights DB states as "sums over maxima": getting credit 12 + 8, minority investors 10+10+10+6+7+7
        assertThat(childWeights(raw, "GC")).containsExactly(12.0, 8.0);
        assertThat(childWeights(raw, "PMI")).containsExactly(10.0, 10.0, 10.0, 6.0, 7.0, 7.0);
        // the composite weights add up to 1 (the first-named city's share and the rest)
        for (Composite c : raw.composites().units()) {
            assertThat(c.components().values().stream().mapToDouble(Double::doubleValue).sum()).as(c.unit())
                    .isCloseTo(1, within(1e-12));
        }
    }

    private static List<String> notApplicableTexts(Indicator ind) {
        return ind.textValues().stream().filter(TextValue::notApplicable).map(TextValue::text).toList();
    }

    private static List<Double> childWeights(Framework fw, String node) {
        int k = fw.nodes().indexOf(fw.nodes().stream().filter(n -> n.code().equals(node)).findFirst().orElseThrow());
        List<Double> out = new ArrayList<>();
        for (int c : fw.tree().children()[k]) {
            out.add(FrameworkTree.isIndicator(c) ? fw.indicators().get(FrameworkTree.indicatorOf(c)).weight()
                    : fw.nodes().get(c).weight());
        }
        return out;
    }

    @Test
    void anXlsxCopyOfTheTableReadsTheSameAsTheCsv() throws IOException {
        Path folder = tmp.resolve("xlsx");
        Files.createDirectories(folder);
        Framework csvFw = FrameworkLoader.load(FRAMEWORK);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Data");
            // the identity columns and the framework's fields, in the CSV's order (a smaller workbook, same reading)
            List<String> header = new ArrayList<>(List.of("Country code", "Economy", "Region", "Income group"));
            csvFw.indicators().forEach(i -> header.add(i.field()));
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < DB.rowCount(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String text = DB.text(r, header.get(c));
                    if (text.isEmpty()) {
                        continue;
                    }
                    double v = Csv.parse(text);
                    if (Double.isNaN(v)) {
                        row.createCell(c).setCellValue(text);
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve("db2020.xlsx"))) {
                wb.write(out);
            }
        }
        Path xlsxFramework = tmp.resolve("db-xlsx.yaml");
        Files.writeString(xlsxFramework, Files.readString(FRAMEWORK).replace("path: db2020.csv", "path: db2020.xlsx"));

        Problems problems = new Problems();
        Framework xlsxFw = FrameworkLoader.load(xlsxFramework);
        IntakeResult csv = Intake.read(csvFw, DATA, Intake.resolver(csvFw, problems), problems);
        IntakeResult xlsx = Intake.read(xlsxFw, folder, Intake.resolver(xlsxFw, problems), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(xlsx.units()).isEqualTo(csv.units());
        assertThat(xlsx.units()).hasSize(213);
        // Arrays.deepEquals compares doubles as Double.equals does: NaN equals NaN
        assertThat(java.util.Arrays.deepEquals(xlsx.values(), csv.values())).isTrue();
        assertThat(java.util.Arrays.deepEquals(xlsx.textScores(), csv.textScores())).isTrue();
        assertThat(java.util.Arrays.deepEquals(xlsx.notApplicable(), csv.notApplicable())).isTrue();
        assertThat(xlsx.units().get(ROW.get("CHN_Beij")).name().en()).isEqualTo("China Beijing");
        assertThat(xlsx.units().get(ROW.get("CHN_Beij")).groups())
                .isEqualTo(Map.of("Region", "East Asia & Pacific", "Income group", "Upper middle income"));
        int vat = csvFw.indicators().indexOf(csvFw.indicators().stream()
                .filter(i -> i.code().equals("PT.PF.VATO")).findFirst().orElseThrow());
        assertThat(csv.provenance()[vat][ROW.get("BHR")]).isEqualTo("db2020.csv!DX20 'No VAT': not applicable");
        assertThat(csv.provenance()[vat][ROW.get("CHIN")])
                .isEqualTo("db2020.csv!DX36 'No VAT refund per case study scenario': score 0");
    }

    @Test
    void blankEconomiesAreMissingAndEndUnranked() throws Exception {
        Path data = tmp.resolve("blanks");
        Files.createDirectories(data);
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("db2020.csv")));
        Framework fw = FrameworkLoader.load(FRAMEWORK);
        // Afghanistan not measured at all (every indicator blank); Albania lacks one starting-a-business value.
        int afg = ROW.get("AFG") + 1;
        int alb = ROW.get("ALB") + 1;
        String[] a = lines.get(afg).split(",", -1);
        for (Indicator ind : fw.indicators()) {
            a[DB.column(ind.field())] = "";
        }
        lines.set(afg, String.join(",", a));
        String[] b = lines.get(alb).split(",", -1);
        b[DB.column("Time - Women (days)")] = " ";
        lines.set(alb, String.join(",", b));
        Files.write(data.resolve("db2020.csv"), lines);

        JsonNode report = run(FRAMEWORK, data);

        assertThat(score(report, "DB", "AFG")).isNaN();
        assertThat(rank(report, "DB", "AFG")).isZero();
        assertThat(score(report, "SB", "ALB")).isNaN();
        assertThat(score(report, "CP", "ALB")).isNotNaN();
        assertThat(score(report, "DB", "ALB")).isNaN();
        assertThat(rank(report, "DB", "ALB")).isZero();
        Ranks ranks = Ranks.compare(report, rankedEconomies(), OVERALL_TOLERANCE);
        assertThat(ranks.ranked).isEqualTo(188);
        List<String> warnings = new ArrayList<>();
        report.get("warnings").forEach(w -> warnings.add(w.get("en").asString()));
        assertThat(warnings).contains("unit ALB (Albania) has no index score and is unranked: no value for SB.TIME.W")
                .anyMatch(w -> w.startsWith("unit AFG (Afghanistan) has no index score and is unranked: no value for "
                        + "SB.PROC.M, SB.PROC.W"));
        JsonNode last = report.get("ranking").get(report.get("ranking").size() - 1);
        assertThat(last.get("rank").isNull()).isTrue();
    }

    /** Published against computed overall ranks of the ranked economies. */
    static final class Ranks {
        int ranked;
        int exact;
        int compared;
        final List<String> orderViolations = new ArrayList<>();
        final List<String> differing = new ArrayList<>();
        /** The largest published gap between two economies the computed scores order the other way round. */
        double largestInvertedGap;

        static Ranks compare(JsonNode report, List<String> economies, double tolerance) {
            Ranks r = new Ranks();
            for (JsonNode v : report.get("nodes").get(0).get("ranks")) {
                r.ranked += v.isNull() ? 0 : 1;
            }
            Map<String, Double> published = new HashMap<>();
            Map<String, Double> computed = new HashMap<>();
            for (String u : economies) {
                published.put(u, published(OVERALL, u));
                computed.put(u, score(report, "DB", u));
                int ours = rank(report, "DB", u);
                int theirs = (int) Csv.parse(DB.text(ROW.get(u), RANK));
                if (ours == theirs) {
                    r.exact++;
                } else if (ours != 0) {
                    r.differing.add(u + " " + theirs + "→" + ours);
                }
            }
            for (String u : economies) {
                for (String v : economies) {
                    double gap = published.get(u) - published.get(v);
                    if (gap > 0 && !(computed.get(u) > computed.get(v))) {
                        r.largestInvertedGap = Math.max(r.largestInvertedGap, gap);
                    }
                    if (gap > tolerance && !Double.isNaN(computed.get(u)) && !Double.isNaN(computed.get(v))) {
                        r.compared++;
                        if (!(computed.get(u) > computed.get(v))) {
                            r.orderViolations.add(u + " above " + v + " (published gap " + gap + ")");
                        }
                    }
                }
            }
            return r;
        }

        @Override
        public String toString() {
            return ranked + " ranked, " + exact + " of " + "190 published ranks exact" + (differing.isEmpty() ? ""
                    : " (differing: " + String.join(", ", differing) + ")") + "; " + compared + " pairs whose "
                    + "published scores differ by more than the tolerance, " + orderViolations.size()
                    + " ordered differently" + (largestInvertedGap > 0 ? String.format(Locale.ROOT, " (the "
                    + "largest published gap of a pair in the other order: %.5f)", largestInvertedGap) : "");
        }
    }

    /**
     * How far a score can move when every raw value moves by up to ±0.05 (the rounding to one decimal): per
     * indicator the largest change of its goalposts score, aggregated with the node weights over the children
     * that apply; a two-city economy takes its cities' bounds with the population weights.
     */
    static final class Bounds {
        final Framework fw;
        final Map<String, Integer> node = new HashMap<>();
        final Map<String, Composite> composites = new HashMap<>();

        Bounds(Framework fw) {
            this.fw = fw;
            for (int k = 0; k < fw.nodes().size(); k++) {
                node.put(fw.nodes().get(k).code(), k);
            }
            fw.composites().units().forEach(c -> composites.put(c.unit(), c));
        }

        double of(String code, String unit) {
            Composite c = composites.get(unit);
            if (c != null) {
                double sum = 0;
                double weight = 0;
                for (var e : c.components().entrySet()) {
                    double b = of(code, e.getKey());
                    if (!Double.isNaN(b)) {
                        sum += e.getValue() * b;
                        weight += e.getValue();
                    }
                }
                return sum / weight;
            }
            return node(node.get(code), ROW.get(unit));
        }

        /** NaN where the node does not apply. */
        private double node(int k, int row) {
            double sum = 0;
            double weight = 0;
            for (int child : fw.tree().children()[k]) {
                double b;
                double w;
                if (FrameworkTree.isIndicator(child)) {
                    Indicator ind = fw.indicators().get(FrameworkTree.indicatorOf(child));
                    b = indicator(ind, row);
                    w = ind.weight();
                } else {
                    b = node(child, row);
                    w = fw.nodes().get(child).weight();
                }
                if (!Double.isNaN(b)) {
                    sum += w * b;
                    weight += w;
                }
            }
            return weight == 0 ? Double.NaN : sum / weight;
        }

        private double indicator(Indicator ind, int row) {
            String text = DB.text(row, ind.field());
            TextValue code = ind.textValue(text);
            if (code != null) {
                return code.notApplicable() ? Double.NaN : 0;
            }
            double x = Double.parseDouble(text);
            MethodSpec s = ind.normalisation();
            double[] g = Normalisation.goalposts(new double[] {x - 0.05, x, x + 0.05}, s.number("best", 0),
                    s.number("worst", 0), 100, s.number("power", 1));
            return Math.max(Math.abs(g[0] - g[1]), Math.abs(g[2] - g[1]));
        }
    }
}
