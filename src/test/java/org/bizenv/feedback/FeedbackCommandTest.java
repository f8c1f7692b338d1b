package org.bizenv.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.cli.BizenvCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bizenv validate --feedback} on the 2024 sample with planted problems and surprises, read back cell by cell:
 * each city's problems and warnings, the team's summary, a clean city's "no queries", the bytes of two runs, the exit
 * codes and the output-folder rule.
 */
class FeedbackCommandTest {

    static final String FRAMEWORK = "indicators/miit-sme-2024.yaml";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return BizenvCommand.commandLine().execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** sample-data/2024 and 2023 copied, with the planted problems and surprises in 2024. */
    private Path planted() throws IOException {
        Path data = copy("2024");
        copy("2023");
        // a problem in Wuhan's return: text in a number cell
        editSheet(data.resolve("returns/wuhan.xlsx"), "Data", s -> {
            valueCellOf(s, "R01").setCellValue("abc");
            valueCellOf(s, "R02").setCellValue("=B4*2");           // text that looks like a formula
        });
        // a problem in Chengdu's row of the statistics, and a row of no city
        editSheet(data.resolve("statistics.xlsx"), null, s -> {
            cellOf(s, "成都", header(s, "S03")).setCellValue(250);
            cellOf(s, "太原", 0).setBlank();                        // a row of no city, and no row for Taiyuan
            Row extra = s.createRow(s.getLastRowNum() + 1);
            extra.createCell(0).setCellValue("Atlantis");
        });
        // a problem in a survey row of Kunming (line 2: R2024-00001,Kunming ,small,…)
        Path survey = data.resolve("survey.csv");
        Files.writeString(survey, Files.readString(survey).replaceFirst("R2024-00001,Kunming ,small,",
                "R2024-00001,Kunming ,huge,"));
        // far from the other cities: Hefei's time to start a business (R01, about 1 day elsewhere)
        editSheet(data.resolve("returns/hefei.xlsx"), "Data", s -> valueCellOf(s, "R01").setCellValue(30));
        // far from last year: Qingdao's policy documents (R12), 37 last year
        editSheet(data.resolve("returns/qingdao.xlsx"), "Data", s -> valueCellOf(s, "R12").setCellValue(12));
        return data;
    }

    private Path copy(String year) throws IOException {
        Path from = Path.of("sample-data", year);
        Path to = tmp.resolve(year);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    interface SheetEdit {
        void apply(Sheet s);
    }

    private static void editSheet(Path file, String sheet, SheetEdit edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream o = Files.newOutputStream(file)) {
            edit.apply(sheet == null ? wb.getSheetAt(0) : wb.getSheet(sheet));
            wb.write(o);
        }
    }

    private static Cell valueCellOf(Sheet s, String item) {
        for (Row r : s) {
            Cell code = r.getCell(0);
            if (code != null && code.getCellType() == CellType.STRING && code.getStringCellValue().equals(item)) {
                return r.getCell(3, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new AssertionError("no item " + item);
    }

    private static int header(Sheet s, String field) {
        for (Cell c : s.getRow(0)) {
            if (c.getStringCellValue().startsWith(field + " ")) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + field);
    }

    private static Cell cellOf(Sheet s, String city, int column) {
        for (Row r : s) {
            if (r.getCell(0) != null && r.getCell(0).toString().equals(city)) {
                return r.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new AssertionError("no row " + city);
    }

    /** A sheet's rows as the cells show them (numbers as Excel's General format shows them), trailing blanks cut. */
    static List<List<String>> rows(Path workbook, String sheet) throws IOException {
        DataFormatter f = new DataFormatter(Locale.ROOT);
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet(sheet);
            assertThat(s).as(sheet).isNotNull();
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                Row row = s.getRow(r);
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : f.formatCellValue(cell));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                out.add(cells);
            }
        }
        return out;
    }

    private int validate(Path data, Path feedback, String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "-f", FRAMEWORK, "-d", data.toString(), "-p",
                tmp.resolve("2023").toString(), "--feedback", feedback.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static final List<String> CHANGE = List.of("同比变化超过 ±50 %（参照值为上年数值）\nChange against last year beyond ±50 % "
            + "(reference: last year's value)");
    static final List<String> OUTLIER = List.of("偏离其他单位：稳健 z 值超过 3.5（参照值为本年各单位中位数）\nFar from the "
            + "other units: robust z-score beyond 3.5 (reference: this year's median)");

    private static List<String> row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            if (c instanceof List<?> l) {
                l.forEach(x -> r.add(x.toString()));
            } else {
                r.add(c.toString());
            }
        }
        return r;
    }

    @Test
    void eachCityGetsItsOwnProblemsAndWarningsAndTheTeamTheRest() throws IOException {
        Path data = planted();
        Path fb = tmp.resolve("feedback");
        assertThat(validate(data, fb)).isEqualTo(BizenvCommand.INVALID_INPUT);
        String nl = System.lineSeparator();
        assertThat(stderr()).isEqualTo("7 problems in " + data + ":" + nl
                + "  returns/wuhan.xlsx!Data!D4: 'abc' is not a number" + nl
                + "  returns/wuhan.xlsx!Data!D5: '=B4*2' is not a number" + nl
                + "  statistics.xlsx!Data: no row for Taiyuan (太原)" + nl
                + "  statistics.xlsx!Data!A5: blank city name" + nl
                + "  statistics.xlsx!Data!D29: value 250 outside the valid range [-50, 200]" + nl
                + "  statistics.xlsx!Data!A38: unknown city 'Atlantis'" + nl
                + "  survey.csv!C2: 'huge' is not a size class (micro/small/medium, 微型/小型/中型)" + nl
                + "Feedback written to " + fb + ": a workbook for each of 36 units (4 with problems, 26 with warnings "
                + "only, 6 with no queries) and _summary.xlsx (2 problems of no unit)." + nl);
        try (Stream<Path> files = Files.list(fb)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(37)
                    .startsWith("_summary.xlsx", "beijing.xlsx").contains("wuhan.xlsx", "urumqi.xlsx");
        }

        // Wuhan: two cells of its return, and last year's comparison of its walk-through pass rate
        assertThat(rows(fb.resolve("wuhan.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS,
                row(1, "returns/wuhan.xlsx", "Data", "D4", "MKT.ACC.1 开办企业时间\nTime to start a business", "abc",
                        "不是数值\n'abc' is not a number", "0 至 60 之间的数值\na number from 0 to 60"),
                row(2, "returns/wuhan.xlsx", "Data", "D5", "MKT.ACC.2 “证照分离”改革后保留的涉企经营许可事项数\nBusiness permits remaining after "
                        + "the \"license first, permits later\" reform", "=B4*2", "不是数值\n'=B4*2' is not a number",
                        "0 至 1000 之间的数值\na number from 0 to 1000"));
        assertThat(rows(fb.resolve("wuhan.xlsx"), FeedbackWriter.WARNINGS)).containsExactly(
                FeedbackWriter.WARNING_HEADERS,
                row(1, "POL.IMP.1 惠企政策咨询穿行测试通过率\nWalk-through: policy enquiry pass rate\n（%）",
                        "walkthrough.xlsx!Tests (W04 pass-rate)", "100.0", "44.444",
                        "较上年 +125 %\n+125 % on last year", CHANGE));
        // Chengdu: its row of the statistics
        assertThat(rows(fb.resolve("chengdu.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS,
                row(1, "statistics.xlsx", "Data", "D29", "FIN.LOAN.2 普惠小微贷款余额增速\nGrowth of inclusive SME loans",
                        "250", "超出有效范围\nvalue 250 outside the valid range [-50, 200]",
                        "-50 至 200 之间的数值\na number from -50 to 200"));
        // Taiyuan: the row the statistics lack is Taiyuan's to send
        assertThat(rows(fb.resolve("taiyuan.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS,
                row(1, "statistics.xlsx", "Data", "", "", "", "缺少本单位的一行\nno row for Taiyuan (太原)",
                        "本单位的一行数据\na row for Taiyuan (太原)"));
        // Kunming: a survey row from Kunming
        assertThat(rows(fb.resolve("kunming.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS,
                row(1, "survey.csv", "", "C2", "", "huge",
                        "不是企业规模类别\n'huge' is not a size class (micro/small/medium, 微型/小型/中型)",
                        "微型 / 小型 / 中型\nmicro / small / medium"));
        // Hefei: 30 days to start a business, against 1.1 last year and a median of 2.5 days
        assertThat(rows(fb.resolve("hefei.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS, row("", "无问题 No problems"));
        String startUp = "MKT.ACC.1 开办企业时间\nTime to start a business\n（days）";
        assertThat(rows(fb.resolve("hefei.xlsx"), FeedbackWriter.WARNINGS)).containsExactly(
                FeedbackWriter.WARNING_HEADERS,
                row(1, startUp, "returns/hefei.xlsx!Data!D4", "30.0", "1.1", "较上年 +2627 %\n+2627 % on last year", CHANGE),
                row(2, startUp, "returns/hefei.xlsx!Data!D4", "30.0", "2.5", "z = +14.3\n高于中位数 above the median",
                        OUTLIER));
        // Qingdao: 12 policy documents against 32 last year
        assertThat(rows(fb.resolve("qingdao.xlsx"), FeedbackWriter.WARNINGS)).containsExactly(
                FeedbackWriter.WARNING_HEADERS,
                row(1, "POL.ISS.1 当年出台的中小企业扶持政策文件数\nSME-support policy documents issued\n（documents）",
                        "returns/qingdao.xlsx!Data!D15", "12.0", "32.0", "较上年 -63 %\n-63 % on last year", CHANGE));
        // Tianjin: nothing to query, and told so
        assertThat(rows(fb.resolve("tianjin.xlsx"), FeedbackWriter.INSTRUCTIONS).get(3)).containsExactly(
                "核查结果 Result", "无需核查：未发现问题或提示。No queries: no problems and no warnings were found.");
        assertThat(rows(fb.resolve("tianjin.xlsx"), FeedbackWriter.PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS, row("", "无问题 No problems"));
        assertThat(rows(fb.resolve("tianjin.xlsx"), FeedbackWriter.WARNINGS)).containsExactly(
                FeedbackWriter.WARNING_HEADERS, row("", "无提示 No warnings"));
        assertThat(rows(fb.resolve("wuhan.xlsx"), FeedbackWriter.INSTRUCTIONS).subList(1, 6)).containsExactly(
                row("单位 Unit", "武汉 Wuhan (wuhan)"),
                row("评估框架 Framework", "中小企业发展环境评估（36个重点城市） SME development environment evaluation (36 key "
                        + "cities) (miit-sme-2024 2024.1)"),
                row("核查结果 Result", "问题 2 项，提示 1 项。2 problems, 1 warning."),
                row("截止日期 Return by"), row("联系人 Contact"));

        // the team's summary: every city with its counts, and the problems of no city
        List<List<String>> summary = rows(fb.resolve("_summary.xlsx"), FeedbackWriter.SUMMARY_SHEET);
        int head = summary.indexOf(FeedbackWriter.SUMMARY_HEADERS);
        assertThat(summary.subList(head + 1, summary.size())).hasSize(37)
                .contains(row("wuhan", "武汉 Wuhan", "wuhan.xlsx", 2, 1, "需更正 To correct"),
                        row("taiyuan", "太原 Taiyuan", "taiyuan.xlsx", 1, 2, "需更正 To correct"),
                        row("hefei", "合肥 Hefei", "hefei.xlsx", 0, 2, "需核实 To confirm"),
                        row("tianjin", "天津 Tianjin", "tianjin.xlsx", 0, 0, "无需核查 No queries"))
                .endsWith(row("合计 Total", "36 个单位 units", "", 5, 55, "未归属单位的问题 2 项 problems of no unit"));
        assertThat(summary.get(head + 1)).containsExactly("beijing", "北京 Beijing", "beijing.xlsx", "0", "3",
                "需核实 To confirm");
        assertThat(rows(fb.resolve("_summary.xlsx"), FeedbackWriter.OTHER_PROBLEMS)).containsExactly(
                FeedbackWriter.PROBLEM_HEADERS.subList(0, 8),
                row(1, "statistics.xlsx", "Data", "A5", "", "", "未填写城市名称\nblank city name", "城市名称\nthe city's name"),
                row(2, "statistics.xlsx", "Data", "A38", "", "Atlantis", "无法识别的城市名称\nunknown city 'Atlantis'",
                        "名录中的城市名称\nthe name of a city of the registry"));
    }

    @Test
    void formulaLikeTextIsStoredAsText() throws IOException {
        Path fb = tmp.resolve("feedback");
        assertThat(validate(planted(), fb)).isEqualTo(BizenvCommand.INVALID_INPUT);
        try (InputStream in = Files.newInputStream(fb.resolve("wuhan.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell found = wb.getSheet(FeedbackWriter.PROBLEMS).getRow(2).getCell(5);
            assertThat(found.getCellType()).isEqualTo(CellType.STRING);
            assertThat(found.getStringCellValue()).isEqualTo("=B4*2");
            assertThat(found.getCellStyle().getQuotePrefixed()).isTrue();
        }
        try (InputStream in = Files.newInputStream(fb.resolve("chengdu.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell expected = wb.getSheet(FeedbackWriter.PROBLEMS).getRow(1).getCell(7);
            assertThat(expected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(expected.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void twoRunsGiveTheSameBytes() throws IOException {
        Path data = planted();
        assertThat(validate(data, tmp.resolve("a"))).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(validate(data, tmp.resolve("b"))).isEqualTo(BizenvCommand.INVALID_INPUT);
        List<Path> files;
        try (Stream<Path> list = Files.list(tmp.resolve("a"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(37);
        for (Path f : files) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f.getFileName())))
                    .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void warningsAloneExitZeroAndEveryCityStillGetsItsWorkbook() throws IOException {
        Path fb = tmp.resolve("feedback");
        assertThat(run("validate", "-f", FRAMEWORK, "-d", "sample-data/2024", "--feedback", fb.toString(),
                "--outlier-limit", "5")).isZero();
        assertThat(stderr()).isEmpty();
        assertThat(stdout()).isEqualTo("sample-data/2024: no problems found; 36 units scored. A run on these inputs "
                + "will not fail on them." + System.lineSeparator() + "Feedback written to " + fb + ": a workbook for "
                + "each of 36 units (0 with problems, 10 with warnings only, 26 with no queries) and _summary.xlsx (0 "
                + "problems of no unit)." + System.lineSeparator());
        List<List<String>> in = rows(fb.resolve("beijing.xlsx"), FeedbackWriter.INSTRUCTIONS);
        assertThat(in).anySatisfy(r -> assertThat(r).hasSize(1).first().asString()
                .contains("本次未提供上年数据，未做同比核查。").contains("Last year's data were not given: not checked."));
        assertThat(in).anySatisfy(r -> assertThat(r).hasSize(1).first().asString().contains("超过 5（MAD")
                .contains("exceeds 5 (MAD"));
    }

    @Test
    void feedbackGoesOnlyIntoANewOrEmptyFolderUnlessForced() throws IOException {
        Path fb = tmp.resolve("feedback");
        Files.createDirectories(fb);
        Files.writeString(fb.resolve("replies.txt"), "the cities' replies");
        String nl = System.lineSeparator();
        assertThat(run("validate", "-f", FRAMEWORK, "-d", "sample-data/2024", "--feedback", fb.toString()))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).isEqualTo(fb + " is not empty: nothing was written. Give a new or empty folder, or add "
                + "--force to overwrite what is there" + nl);
        assertThat(Files.readString(fb.resolve("replies.txt"))).isEqualTo("the cities' replies");

        assertThat(run("validate", "-f", FRAMEWORK, "-d", "sample-data/2024", "--feedback", fb.toString(), "--force"))
                .isZero();
        try (Stream<Path> files = Files.list(fb)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(37)
                    .contains("_summary.xlsx").doesNotContain("replies.txt");
        }

        assertThat(run("validate", "-f", FRAMEWORK, "-d", "sample-data/2024", "--force"))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("--force goes with --feedback");
        assertThat(run("validate", "-f", FRAMEWORK, "--feedback", tmp.resolve("x").toString()))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("--feedback needs --data");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(run("validate", "-f", FRAMEWORK, "-d", "sample-data/2024", "--feedback", tmp.resolve("y").toString(),
                "--change-limit", "0")).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("the change limit must be a positive number");
    }
}
