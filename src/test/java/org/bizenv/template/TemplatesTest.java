package org.bizenv.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.city.City;
import org.bizenv.city.UnitResolver;
import org.bizenv.evaluation.Intake;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Source;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.UnitTableReader;
import org.bizenv.ingest.UnitWorkbooksReader;
import org.bizenv.ingest.WalkthroughReader;
import org.bizenv.survey.SurveyCsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates of the bundled framework: the files and their names, the layout the readers read (checked by running
 * the engine's own readers on the blank templates), protection, open cells and data validation as stated, and the
 * same bytes for the same framework and year.
 */
class TemplatesTest {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");

    @TempDir
    static Path tmp;
    static Framework fw;
    static List<City> cities;
    static List<Templates.TemplateFile> files;
    static Path folder;

    @BeforeAll
    static void build() throws IOException {
        fw = FrameworkLoader.load(FRAMEWORK);
        cities = Templates.units(fw);
        files = Templates.build(fw, cities, 2025);
        folder = tmp.resolve("2025");
        Templates.write(files, folder);
    }

    static XSSFWorkbook open(String path) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(folder.resolve(path))));
    }

    static Source source(String id) {
        return fw.source(id).orElseThrow();
    }

    @Test
    void aReturnPerCityNamedAsTheSamplesAreAndOneFilePerOtherSource() throws IOException {
        List<String> sampleReturns;
        try (Stream<Path> s = Files.list(Path.of("sample-data/2024/returns"))) {
            sampleReturns = s.map(p -> "returns/" + p.getFileName()).sorted().toList();
        }
        List<String> paths = files.stream().map(Templates.TemplateFile::path).toList();
        assertThat(paths).hasSize(36 + 4);
        assertThat(paths.stream().filter(p -> p.startsWith("returns/")).sorted().toList()).isEqualTo(sampleReturns);
        assertThat(paths.subList(36, 40)).containsExactly("statistics.xlsx", "walkthrough.xlsx", "survey.csv",
                "survey-codebook.xlsx");
        try (Stream<Path> s = Files.walk(folder)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(40);
        }
    }

    @Test
    void aFrameworkOverPartOfItsRegistryHasReturnsOfThatPartOnly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("part"));
        Files.copy(Path.of("indicators/cities-36.csv"), dir.resolve("cities-36.csv"));
        String yaml = Files.readString(FRAMEWORK);
        String units = yaml.lines().filter(l -> l.startsWith("  units: cities-36.csv")).findFirst().orElseThrow();
        Path part = Files.writeString(dir.resolve("part.yaml"), yaml.replace(units,
                "  units: {registry: cities-36.csv, include: {codes: [xian, wuhan]}}"));
        List<City> selected = Templates.units(FrameworkLoader.load(part));
        assertThat(selected).extracting(City::code).containsExactly("wuhan", "xian");
        List<String> paths = Templates.build(FrameworkLoader.load(part), selected, 2025).stream()
                .map(Templates.TemplateFile::path).toList();
        assertThat(paths).containsExactly("returns/wuhan.xlsx", "returns/xian.xlsx", "statistics.xlsx",
                "walkthrough.xlsx", "survey.csv", "survey-codebook.xlsx");
    }

    @Test
    void theSameFrameworkAndYearGiveTheSameBytesAndAnotherYearOtherOnes() throws IOException {
        List<Templates.TemplateFile> again = Templates.build(FrameworkLoader.load(FRAMEWORK), cities, 2025);
        assertThat(again).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(again.get(i).path()).isEqualTo(files.get(i).path());
            assertThat(again.get(i).bytes()).as(files.get(i).path()).isEqualTo(files.get(i).bytes());
            assertThat(Files.readAllBytes(folder.resolve(files.get(i).path()))).isEqualTo(files.get(i).bytes());
        }
        List<Templates.TemplateFile> other = Templates.build(fw, cities, 2026);
        assertThat(other.get(0).bytes()).isNotEqualTo(files.get(0).bytes());
    }

    @Test
    void aReturnFormHasTheLayoutTheReaderReads() throws IOException {
        List<FieldRequest> requests = Intake.requests(fw, source("returns"));
        assertThat(requests).extracting(FieldRequest::field).containsExactly("R01", "R02", "R03", "R04", "R05",
                "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14");
        try (XSSFWorkbook wb = open("returns/xian.xlsx")) {
            assertThat(wb.getSheetName(0)).isEqualTo("Data");
            assertThat(wb.getSheetName(1)).isEqualTo("填报说明 Instructions");
            XSSFSheet d = wb.getSheet("Data");
            assertThat(text(d, 0, 0)).isEqualTo("城市 City");
            assertThat(text(d, 0, 1)).isEqualTo("西安");
            assertThat(d.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2025);
            assertThat(rowTexts(d, 2)).containsExactly("代码 Code", "指标 Item", "单位 Unit", "数值 Value", "备注 Note",
                    "必填 Required", "有效范围 Valid range", "定义 Definition");
            Indicator first = fw.indicators().get(0);
            assertThat(rowTexts(d, 3)).containsExactly("R01", "开办企业时间\nTime to start a business", "days", "",
                    "", "是 yes", "[0, 60]", first.definition());
            assertThat(d.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(d.getLastRowNum()).isEqualTo(3 + 14 - 1);
            for (int i = 0; i < 14; i++) {
                assertThat(text(d, 3 + i, 0)).isEqualTo(requests.get(i).field());
            }
        }
    }

    @Test
    void valueAndNoteCellsAreOpenAndValidatedTheRestProtected() throws IOException {
        Map<String, Indicator> byField = new HashMap<>();
        fw.indicators().stream().filter(i -> i.source().equals("returns")).forEach(i -> byField.put(i.field(), i));
        try (XSSFWorkbook wb = open("returns/beijing.xlsx")) {
            assertThat(wb.isStructureLocked()).isTrue();
            XSSFSheet d = wb.getSheet("Data");
            assertThat(d.isSheetLocked()).isTrue();
            assertThat(d.getProtect()).isTrue();
            assertThat(d.getCTWorksheet().getSheetProtection().isSetPassword()).as("no password").isFalse();
            List<String> open = new ArrayList<>();
            int cells = 0;
            for (Row r : d) {
                for (Cell c : r) {
                    cells++;
                    if (!c.getCellStyle().getLocked()) {
                        open.add(c.getAddress().formatAsString());
                    }
                }
            }
            List<String> expected = new ArrayList<>();
            for (int row = 4; row <= 17; row++) {
                expected.add("D" + row);
                expected.add("E" + row);
            }
            assertThat(open).containsExactlyElementsOf(expected);
            assertThat(cells).isEqualTo(3 + 2 + 8 + 14 * 8);

            List<XSSFDataValidation> validations = d.getDataValidations();
            assertThat(validations).hasSize(14);
            for (XSSFDataValidation v : validations) {
                CellRangeAddress[] cellsOf = v.getRegions().getCellRangeAddresses();
                assertThat(cellsOf).hasSize(1);
                assertThat(cellsOf[0].getFirstColumn()).isEqualTo(3);
                assertThat(cellsOf[0].getNumberOfCells()).isEqualTo(1);
                String field = text(d, cellsOf[0].getFirstRow(), 0);
                Indicator ind = byField.get(field);
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
                assertThat(v.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo(CellValues.format(ind.validMin()));
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo(CellValues.format(ind.validMax()));
                assertThat(v.getErrorStyle()).isEqualTo(org.apache.poi.ss.usermodel.DataValidation.ErrorStyle.STOP);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getEmptyCellAllowed()).isTrue();
            }
            XSSFDataValidation r09 = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddresses()[0].getFirstRow() == 11).findFirst().orElseThrow();
            assertThat(text(d, 11, 0)).isEqualTo("R09");
            assertThat(r09.getValidationConstraint().getFormula2()).isEqualTo("10");
            assertThat(r09.getErrorBoxText()).isEqualTo("请填写 0 至 10 之间的数值（单位：%）。Enter a number from 0 to 10 (%).");

            XSSFSheet in = wb.getSheet("填报说明 Instructions");
            assertThat(in.isSheetLocked()).isTrue();
            List<String> openLabels = new ArrayList<>();
            for (Row r : in) {
                Cell value = r.getCell(1);
                if (value != null && !value.getCellStyle().getLocked()) {
                    openLabels.add(text(in, r.getRowNum(), 0));
                }
            }
            assertThat(openLabels).containsExactly("截止日期 Deadline", "报送方式 Send to", "填报人 Filled in by");
            assertThat(text(in, 0, 0)).isEqualTo("中小企业发展环境评估（36个重点城市） 2025 年度数据填报表（北京）");
            assertThat(allText(in)).contains("开办企业时间", "Time to start a business", "days", "[0, 60]",
                    "注意：该评估框架标注为示例（synthetic）", "beijing.xlsx", "百分比填百分点数");
        }
    }

    @Test
    void theReadersReadTheBlankTemplatesFindingOnlyTheBlanks() {
        UnitResolver registry = CityRegistryReader.read(Path.of("indicators"), "cities-36.csv").orThrow();
        List<DataProblem> returns = new UnitWorkbooksReader(registry, folder)
                .read("returns", "returns", "Data", Intake.requests(fw, source("returns"))).problems();
        assertThat(returns).hasSize(36 * 14).allMatch(p -> p.message().equals("blank value")
                && p.where().column() == 4 && p.where().row() >= 4 && p.where().row() <= 17);

        List<DataProblem> statistics = new UnitTableReader(registry, folder)
                .read("statistics", "statistics.xlsx", "Data", "City", Intake.requests(fw, source("statistics")))
                .problems();
        assertThat(statistics).hasSize(36 * 8).allMatch(p -> p.message().equals("blank value"));

        List<String> items = Intake.requests(fw, source("walkthrough")).stream().map(FieldRequest::field).toList();
        assertThat(new WalkthroughReader(registry, folder).read("walkthrough", "walkthrough.xlsx", "Tests", items,
                true).problems()).extracting(DataProblem::toString).containsExactly(
                "walkthrough.xlsx!Tests: no test of item 'W01'", "walkthrough.xlsx!Tests: no test of item 'W02'",
                "walkthrough.xlsx!Tests: no test of item 'W03'", "walkthrough.xlsx!Tests: no test of item 'W04'");

        List<String> questions = Intake.requests(fw, source("survey")).stream().map(FieldRequest::field).toList();
        assertThat(questions).hasSize(12);
        try (SurveyCsvReader r = new SurveyCsvReader(folder, "survey.csv", questions)) {
            assertThat(r.next()).isNull();
            assertThat(r.problems()).isEmpty();
            assertThat(r.layout().respondentIdColumn()).isEqualTo(1);
            assertThat(r.layout().questionColumns()).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        }
    }

    @Test
    void theStatisticsTableHasAHeaderAndARowPerCityNamedAsTheRegistryNamesIt() throws IOException {
        try (XSSFWorkbook wb = open("statistics.xlsx")) {
            XSSFSheet d = wb.getSheet("Data");
            assertThat(wb.getSheetIndex(d)).isZero();
            assertThat(text(d, 0, 0)).isEqualTo("City");
            assertThat(text(d, 0, 1)).isEqualTo("S08\n工业用地平均出让价格\nAverage industrial land price (yuan/m²)");
            assertThat(d.getLastRowNum()).isEqualTo(36);
            for (int i = 0; i < 36; i++) {
                assertThat(text(d, i + 1, 0)).isEqualTo(cities.get(i).nameZh());
                assertThat(d.getRow(i + 1).getCell(0).getCellStyle().getLocked()).isTrue();
                for (int c = 1; c <= 8; c++) {
                    assertThat(d.getRow(i + 1).getCell(c).getCellStyle().getLocked()).isFalse();
                }
            }
            assertThat(d.isSheetLocked()).isTrue();
            assertThat(d.getDataValidations()).hasSize(8);
            XSSFDataValidation s03 = d.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddresses()[0].getFirstColumn() == 3).findFirst()
                    .orElseThrow();
            assertThat(s03.getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("D2:D37");
            assertThat(s03.getValidationConstraint().getFormula1()).isEqualTo("-50");
            assertThat(s03.getValidationConstraint().getFormula2()).isEqualTo("200");
        }
    }

    @Test
    void theWalkThroughLogOffersTheItemsAndOutcomesAndProtectsOnlyItsHeader() throws IOException {
        try (XSSFWorkbook wb = open("walkthrough.xlsx")) {
            XSSFSheet t = wb.getSheetAt(0);
            assertThat(t.getSheetName()).isEqualTo("Tests");
            assertThat(rowTexts(t, 0)).containsExactly("TestId 测试编号", "City 城市", "Item 事项", "Outcome 结果",
                    "Hours 用时（小时）", "Date 日期");
            assertThat(t.getLastRowNum()).isZero();
            assertThat(t.isSheetLocked()).isTrue();
            assertThat(t.getRow(0).getCell(1).getCellStyle().getLocked()).isTrue();
            for (int c = 0; c < 6; c++) {
                assertThat(t.getColumnStyle(c).getLocked()).as("column " + c).isFalse();
            }
            Map<String, String> lists = new HashMap<>();
            for (XSSFDataValidation v : t.getDataValidations()) {
                lists.put(v.getRegions().getCellRangeAddresses()[0].formatAsString(),
                        v.getValidationConstraint().getFormula1());
            }
            assertThat(lists).containsEntry("B2:B1048576", "'Lists'!$C$1:$C$36")
                    .containsEntry("C2:C1048576", "'Lists'!$A$1:$A$4")
                    .containsEntry("D2:D1048576", "'Lists'!$B$1:$B$4")
                    .containsEntry("E2:E1048576", "0");
            XSSFSheet l = wb.getSheet("Lists");
            assertThat(wb.isSheetHidden(wb.getSheetIndex(l))).isTrue();
            assertThat(List.of(text(l, 0, 0), text(l, 1, 0), text(l, 2, 0), text(l, 3, 0)))
                    .containsExactly("W01", "W03", "W02", "W04");
            assertThat(List.of(text(l, 0, 1), text(l, 1, 1), text(l, 2, 1), text(l, 3, 1)))
                    .containsExactly("通过", "未通过", "pass", "fail");
        }
    }

    @Test
    void theSurveyHasItsHeaderLineAndACodebook() throws IOException {
        byte[] csv = Files.readAllBytes(folder.resolve("survey.csv"));
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFRespondentId,City,Size,Industry,"
                + "Q02,Q03,Q07,Q05,Q06,Q08,Q09,Q10,Q11,Q13,Q15,Q16\n");
        try (XSSFWorkbook wb = open("survey-codebook.xlsx")) {
            XSSFSheet c = wb.getSheetAt(0);
            String all = allText(c);
            assertThat(all).contains("RespondentId", "micro / small / medium（微型 / 小型 / 中型）", "不适用",
                    "not applicable", "1–5；9 = 不适用 n/a", "FIN.SAT.1：均值得分 mean score", "MKT.GOV.3：好评率 share favourable",
                    "少于 400 份", "0.7", "0.25", "0.05", "乌鲁木齐", "Urumqi",
                    "a group with fewer than 30 valid answers is flagged too");
            for (String q : List.of("Q02", "Q03", "Q07", "Q05", "Q06", "Q08", "Q09", "Q10", "Q11", "Q13", "Q15", "Q16")) {
                assertThat(all).contains(q);
            }
            assertThat(all).doesNotContain("Q01", "Q04");
        }
    }

    @Test
    void aFrameworkWithoutARegistryGetsTablesWithTheirHeaderOnly() throws IOException {
        Framework asem = FrameworkLoader.load(Path.of("indicators/coinr-asem.yaml"));
        assertThat(Templates.units(asem)).isEmpty();
        List<Templates.TemplateFile> set = Templates.build(asem, List.of(), 2018);
        assertThat(set).extracting(Templates.TemplateFile::path).containsExactly(
                "legacy_ASEM_COIN_Input_IndData.csv", "legacy_ASEM_COIN_Input_Denominators.csv");
        String header = new String(set.get(1).bytes(), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("\uFEFFUnitCode,Den_GDP,Den_Pop,Den_Area,Den_Energy\n");
        Path dir = tmp.resolve("asem");
        Templates.write(set, dir);
        Source s = asem.source("inddata").orElseThrow();
        Problems none = new Problems();
        var read = new UnitTableReader(UnitResolver.identity("unit"), dir).read("inddata", s.path(), null,
                s.unitColumn(), Intake.requests(asem, s), List.of("UnitName", "Group_GDP"));
        assertThat(read.problems()).isEqualTo(none.sorted());

        Framework db = FrameworkLoader.load(Path.of("indicators/doing-business-2020.yaml"));
        Templates.TemplateFile dbTable = Templates.build(db, List.of(), 2020).get(0);
        assertThat(new String(dbTable.bytes(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFCountry code,Economy,Region,Income group,");
    }

    @Test
    void aReturnPerUnitNeedsARegistry() throws IOException {
        Path fwFile = tmp.resolve("no-registry.yaml");
        Files.writeString(fwFile, Files.readString(FRAMEWORK).replace("  units: cities-36.csv", ""));
        Framework noRegistry = FrameworkLoader.load(fwFile);
        assertThatThrownBy(() -> Templates.build(noRegistry, List.of(), 2025))
                .isInstanceOf(TemplateException.class)
                .hasMessage("source 'returns' is a return per unit (unit-workbooks), but the framework has no unit "
                        + "registry (framework.units) to say which units: add one, e.g. units: cities-36.csv");
    }

    @Test
    void textCodesAreAcceptedBesideNumbersInTheValidationFormula() {
        FieldRequest r = new FieldRequest("DB.X", 0, 100, true, List.of("No Practice", "No \"VAT\""));
        assertThat(Book.customFormula("D4", r)).isEqualTo(
                "OR(AND(ISNUMBER(D4),D4>=0,D4<=100),D4=\"No Practice\",D4=\"No \"\"VAT\"\"\")");
        assertThat(Book.customFormula("C2", new FieldRequest("X", Double.NaN, Double.NaN, true))).isEqualTo("ISNUMBER(C2)");
        assertThat(Book.expectedEn(r)).isEqualTo("a number from 0 to 100, or \"No Practice\" / \"No \"VAT\"\"");
        assertThat(Book.expectedZh(new FieldRequest("X", -50, Double.NaN, true))).isEqualTo("不小于 -50 的数值");
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() {
        try (Book b = new Book()) {
            XSSFSheet s = b.sheet("x");
            Cell formulaLike = b.put(s, 0, 0, "=HYPERLINK(\"x\")", b.text);
            Cell plain = b.put(s, 0, 1, "R01", b.text);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formulaLike.getCellStyle().getWrapText()).isTrue();
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    static String text(XSSFSheet s, int row, int col) {
        Row r = s.getRow(row);
        Cell c = r == null ? null : r.getCell(col);
        return c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue();
    }

    static List<String> rowTexts(XSSFSheet s, int row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < s.getRow(row).getLastCellNum(); c++) {
            out.add(text(s, row, c));
        }
        return out;
    }

    static String allText(XSSFSheet s) {
        StringBuilder b = new StringBuilder();
        for (Row r : s) {
            for (Cell c : r) {
                b.append(c.getCellType() == CellType.STRING ? c.getStringCellValue()
                        : c.getCellType() == CellType.NUMERIC ? CellValues.format(c.getNumericCellValue()) : "").append('\n');
            }
        }
        return b.toString();
    }
}
