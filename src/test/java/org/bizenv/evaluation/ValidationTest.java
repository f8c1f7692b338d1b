package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.cli.BizenvCommand;
import org.bizenv.framework.FrameworkException;
import org.bizenv.ingest.InputDataException;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.scoring.ScoringException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * {@code bizenv validate} fails exactly where and as the run would: each input below is run through the job and
 * validated; both must fail with the same message, validate with exit code 2 and without a job repository.
 */
class ValidationTest extends JobTestBase {

    private static final String AT = "2025-03-01T00:00:00Z";

    @TempDir
    Path tmp;

    /** A framework over one unit table (s.csv: Unit, A, B) and a denominator table (d.csv: Unit, Pop). */
    private Path framework(String index, String nodes, String indicators) throws Exception {
        Files.writeString(tmp.resolve("fw.yaml"), "framework: {id: t, name: {en: Test}}\n"
                + "ranking: {decimals: 2, compare: full}\n"
                + "sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit},"
                + " {id: d, type: unit-table, path: d.csv, unit-column: Unit}]\n"
                + "denominators: [{id: pop, source: d, field: Pop}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}" + index + "}\n" + nodes
                + "indicators:\n" + indicators);
        return tmp.resolve("fw.yaml");
    }

    private static String ind(String code, String parent, String extra) {
        return "  - {code: " + code + ", parent: " + parent + ", name: {en: " + code + "}, direction: higher, weight: 1,"
                + " source: s, field: " + code + (extra.isEmpty() ? "" : ", " + extra) + "}\n";
    }

    private Path data(String name, String s, String d) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("s.csv"), s);
        Files.writeString(dir.resolve("d.csv"), d);
        return dir;
    }

    private static final String TWO = "Unit,A,B\nu1,0,4\nu2,4,1\nu3,9,1\n";
    private static final String POP = "Unit,Pop\nu1,10\nu2,20\nu3,30\n";

    /** Exit code and error output of {@code bizenv validate}. */
    private record Validated(int exit, String stderr) {
    }

    private Validated validate(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = BizenvCommand.commandLine().execute(args);
            return new Validated(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** The message the run fails with (bizenv's own exception in the failure's cause chain), and the step. */
    private String runFails(Path fw, Path data, Path previous, RobustnessSettings robustness, String step)
            throws Exception {
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(fw, data, 2024, tmp.resolve("reports"), previous,
                null, AT, robustness));
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.stepsRun().get(o.stepsRun().size() - 1)).isEqualTo(step);
        for (Throwable t = o.failures().get(0); t != null; t = t.getCause()) {
            if (t instanceof ScoringException || t instanceof FrameworkException || t instanceof RobustnessException
                    || t instanceof InputDataException) {
                return t.getMessage();
            }
        }
        throw new AssertionError("no bizenv failure in " + o.failures());
    }

    /** The run fails with {@code expected} in {@code step}; validate exits 2 printing the run's message. */
    private void bothFail(Path fw, Path data, Path previous, String step, String expected) throws Exception {
        String run = runFails(fw, data, previous, RobustnessSettings.off(), step);
        assertThat(run).contains(expected);
        List<String> args = new ArrayList<>(List.of("validate", "-f", fw.toString(), "-d", data.toString()));
        if (previous != null) {
            args.addAll(List.of("-p", previous.toString()));
        }
        Validated v = validate(args.toArray(String[]::new));
        assertThat(v.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(v.stderr()).contains(run);
    }

    @Test
    void aZeroUnderAGeometricMean() throws Exception {
        Path fw = framework("", "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, aggregation: geometric}\n",
                ind("A", "N", "normalisation: none") + ind("B", "N", "normalisation: none"));
        bothFail(fw, data("2024", TWO, POP), null, "score", "node N uses the geometric mean");
        // the same framework passes once the zero is gone
        Path fine = data("fine", TWO.replace("u1,0,", "u1,1,"), POP);
        Validated ok = validate("validate", "-f", fw.toString(), "-d", fine.toString());
        assertThat(ok.exit()).as(ok.stderr()).isZero();
    }

    @Test
    void anUncertainAlternativeTheDataCannotTakeFailsValidateAsTheRun() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "") + ind("B", "INDEX", ""));
        Path u = tmp.resolve("u.yaml");
        Files.writeString(u, """
                uncertainty:
                  inputs:
                    - id: n
                      normalisation: [zscore, {method: distance-to-reference, unit: u9}]
                      at: [A]
                """);
        Path data = data("2024", TWO, POP);
        String expected = "input n: normalisation distance-to-reference (unit u9) cannot be applied to indicator A: "
                + "indicator A: reference unit 'u9' is not among the units";
        assertThat(runFails(fw, data, null, new RobustnessSettings(true, List.of(), 10, "uniform:0.25", 0, 0, 1)
                .withUncertainty(u, null), "score")).isEqualTo(expected);
        Validated v = validate("validate", "-f", fw.toString(), "-d", data.toString(), "--uncertainty", u.toString());
        assertThat(v.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(v.stderr()).contains(expected);
        // without data: the file against the framework, with its line
        Files.writeString(u, "uncertainty:\n  inputs:\n    - {id: n, normalisation: [zscore], at: [C]}\n");
        Validated f = validate("validate", "-f", fw.toString(), "--uncertainty", u.toString());
        assertThat(f.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(f.stderr()).contains(":3: input n: unknown indicator 'C' ('at')");
    }

    @Test
    void aReferenceUnitThatIsNotAmongTheUnits() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "normalisation: {method: distance-to-reference, unit: u9}")
                + ind("B", "INDEX", ""));
        bothFail(fw, data("2024", TWO, POP), null, "score", "indicator A: reference unit 'u9' is not among the units");
    }

    @Test
    void aZeroDenominator() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "denominator: pop") + ind("B", "INDEX", ""));
        bothFail(fw, data("2024", TWO, POP.replace("u2,20", "u2,0")), null, "score",
                "indicator A is divided by pop, which is 0 for u2");
    }

    @Test
    void objectiveWeightsWithoutTwoCompleteUnits() throws Exception {
        Path fw = framework(", weighting: entropy", "", ind("A", "INDEX", "imputation: none, blanks: missing")
                + ind("B", "INDEX", "blanks: missing"));
        bothFail(fw, data("2024", "Unit,A,B\nu1,1,\nu2,,2\nu3,3,\n", POP), null, "score",
                "node INDEX: entropy weights need at least two units with values for every child");
    }

    @Test
    void lastYearsDataThatCannotBeScored() throws Exception {
        // this year is fine; last year (scored for the comparison) has the zero under the geometric mean
        Path fw = framework("", "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, aggregation: geometric}\n",
                ind("A", "N", "normalisation: none") + ind("B", "N", "normalisation: none"));
        Path thisYear = data("2024", TWO.replace("u1,0,", "u1,1,"), POP);
        bothFail(fw, thisYear, data("2023", TWO, POP), "score", "node N uses the geometric mean");
    }

    @Test
    void anAhpMatrixOverItsConsistencyLimit() throws Exception {
        StringBuilder inds = new StringBuilder();
        StringBuilder header = new StringBuilder("Unit");
        StringBuilder rows = new StringBuilder();
        for (int j = 1; j <= 6; j++) {
            inds.append(ind("W" + j, "N", ""));
            header.append(",W").append(j);
        }
        for (int u = 1; u <= 3; u++) {
            rows.append("u").append(u).append(",1,2,3,4,5,").append(u).append('\n');
        }
        Path fw = framework("", "  - code: N\n    parent: INDEX\n    weight: 1\n    name: {en: N}\n"
                + "    weighting: {method: ahp, matrix: [[1, 4, 3, 1, 3, 4], [1/4, 1, 7, 3, 1/5, 1], "
                + "[1/3, 1/7, 1, 1/5, 1/5, 1/6], [1, 1/3, 5, 1, 1, 1/3], [1/3, 5, 5, 1, 1, 3], [1/4, 1, 6, 3, 1/3, 1]]}\n",
                inds.toString());
        bothFail(fw, data("2024", header + "\n" + rows, POP), null, "intake",
                "node N: the AHP matrix is inconsistent: CR 0.2290 exceeds the limit 0.1");
        assertThat(validate("validate", "-f", fw.toString()).exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
    }

    @Test
    void aNodeWithoutChildren() throws Exception {
        Path fw = framework("", "  - {code: N, parent: INDEX, weight: 1, name: {en: N}}\n",
                ind("A", "INDEX", "") + ind("B", "INDEX", ""));
        bothFail(fw, data("2024", TWO, POP), null, "intake", "node N has no children");
    }

    @Test
    void badDataAreListedAsTheRunListsThem() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "") + ind("B", "INDEX", ""));
        Path data = data("2024", "Unit,A,B\nu1,abc,4\nu2,4,1\nu3,9,\n", POP);
        String run = runFails(fw, data, null, RobustnessSettings.off(), "survey-merge");
        Validated v = validate("validate", "-f", fw.toString(), "-d", data.toString());
        assertThat(v.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(run).contains("s.csv!B2: 'abc' is not a number", "s.csv!C4: blank value");
        for (String problem : run.substring(run.indexOf('\n') + 1).split("\n")) {
            assertThat(v.stderr()).contains(problem.strip());
        }
    }

    /** The run fails in the survey step listing {@code expected}, and validate finds exactly the run's problems. */
    private void bothList(Path fw, Path data, String... expected) throws Exception {
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(fw, data, 2024, tmp.resolve("reports"), null,
                null, AT, RobustnessSettings.off()));
        assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge");
        List<org.bizenv.ingest.DataProblem> run = ((InputDataException) o.failures().get(0)).problems();
        assertThat(run).extracting(Object::toString).containsExactly(expected);
        assertThat(Validation.check(fw, data, null, List.of()).problems()).isEqualTo(run);
        assertThat(validate("validate", "-f", fw.toString(), "-d", data.toString()).exit())
                .isEqualTo(BizenvCommand.INVALID_INPUT);
    }

    @Test
    void withoutARegistryOneCitySpelledTwoWaysIsAnInputErrorNotTwoRankedUnits() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "") + ind("B", "INDEX", "denominator: pop"));
        bothList(fw, data("2024", TWO + "上海,5,5\n", POP + "上海市,40\n"),
                "s.csv: one unit spelled 2 ways? '上海' in s.csv; '上海市' in d.csv: without a unit registry every "
                        + "source must name a unit the same way, else it is ranked once per spelling; use one "
                        + "spelling, or give the framework a registry ('units' under 'framework')");
    }

    @Test
    void withoutARegistryAUnitSomeSourcesLackIsAnInputError() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "") + ind("B", "INDEX", "denominator: pop"));
        bothList(fw, data("2024", TWO + "u4,5,5\n", POP),
                "s.csv: 'u4' is in s.csv but not in d.csv: without a unit registry every source must name the same "
                        + "units (a unit missing from a source would be ranked on part of its data)");
        bothList(fw, data("empty", TWO, "Unit,Pop\n"),
                "d.csv: names no unit: every unit the other sources name is missing from it");
    }

    @Test
    void theSurveyIsOneOfTheSourcesThatMustNameTheSameUnits() throws Exception {
        Path f = framework("", "", ind("A", "INDEX", "")
                + "  - {code: S, parent: INDEX, name: {en: S}, direction: higher, weight: 1, source: q, field: Q01,"
                + " statistic: mean-score}\n");
        Files.writeString(f, Files.readString(f).replace("]\ndenominators",
                ", {id: q, type: survey, path: survey.csv}]\ndenominators"));
        Path data = data("2024", "Unit,A\nu1,1\nu2,2\n上海,3\n", "Unit,Pop\nu1,1\nu2,2\n上海,3\n");
        Files.writeString(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01\n1,u1,micro,x,4\n"
                + "2,上海市,micro,x,5\n");
        bothList(f, data,
                "s.csv: 'u2' is in s.csv, d.csv but not in survey.csv: without a unit registry every source must name the "
                        + "same units (a unit missing from a source would be ranked on part of its data)",
                "s.csv: one unit spelled 2 ways? '上海' in s.csv, d.csv; '上海市' in survey.csv: without a unit registry every "
                        + "source must name a unit the same way, else it is ranked once per spelling; use one "
                        + "spelling, or give the framework a registry ('units' under 'framework')");
        // a survey that may lack units may lack u2, but 上海市 is still a second unit
        Files.writeString(f, Files.readString(f).replace("path: survey.csv}", "path: survey.csv, missing-units: missing}"));
        bothList(f, data,
                "s.csv: one unit spelled 2 ways? '上海' in s.csv, d.csv; '上海市' in survey.csv: without a unit registry every "
                        + "source must name a unit the same way, else it is ranked once per spelling; use one "
                        + "spelling, or give the framework a registry ('units' under 'framework')");
        Files.writeString(data.resolve("d.csv"), "Unit,Pop\nu1,1\nu2,2\n");
        bothList(f, data,
                "s.csv: one unit spelled 2 ways? '上海' in s.csv; '上海市' in survey.csv; in neither way in d.csv: "
                        + "without a unit registry every source must name a unit the same way, else it is ranked once "
                        + "per spelling; use one spelling, or give the framework a registry ('units' under 'framework')");
        Files.writeString(data.resolve("d.csv"), "Unit,Pop\nu1,1\nu2,2\n上海,3\n");
        Files.writeString(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01\n1,u1,micro,x,4\n");
        Validation.Result ok = Validation.check(f, data, null, List.of());
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.units()).isEqualTo(3);
    }

    @Test
    void aScenarioTheDataCannotSupport() throws Exception {
        Path fw = framework("", "  - {code: N, parent: INDEX, weight: 1, name: {en: N}}\n"
                        + "  - {code: M, parent: INDEX, weight: 1, name: {en: M}}\n",
                ind("A", "N", "normalisation: none") + ind("B", "M", "normalisation: none"));
        Path scenarios = tmp.resolve("geometric.yaml");
        Files.writeString(scenarios, "scenarios:\n  - id: geometric-index\n    name: {en: Geometric index}\n"
                + "    aggregation: {INDEX: geometric}\n");
        Path data = data("2024", TWO, POP);
        String run = runFails(fw, data, null, new RobustnessSettings(true, List.of(scenarios), 0, null, 0, 1), "score");
        assertThat(run).contains("scenario geometric-index");
        Validated v = validate("validate", "-f", fw.toString(), "-d", data.toString(), "--scenarios",
                scenarios.toString());
        assertThat(v.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(v.stderr()).contains(run);
    }

    @Test
    void aScenarioFileThatDoesNotFitTheFramework() throws Exception {
        Path fw = framework("", "", ind("A", "INDEX", "") + ind("B", "INDEX", ""));
        Path scenarios = tmp.resolve("typo.yaml");
        Files.writeString(scenarios, "scenarios:\n  - id: typo\n    name: {en: Typo}\n    weights: {Z: 2}\n");
        Validated v = validate("validate", "-f", fw.toString(), "--scenarios", scenarios.toString());
        assertThat(v.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(v.stderr()).contains("typo.yaml:4: scenario typo: unknown code 'Z' (weights)");
        Validated withData = validate("validate", "-f", fw.toString(), "-d", data("2024", TWO, POP).toString(),
                "--scenarios", scenarios.toString());
        assertThat(withData.exit()).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(withData.stderr()).contains("typo.yaml:4: scenario typo: unknown code 'Z' (weights)");
    }
}
