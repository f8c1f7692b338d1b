package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.evaluation.EvaluationJobTestSupport;
import org.bizenv.framework.yaml.YamlBombs;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a reader cannot use, through the command line: exit code 2 and bizenv's own message naming the file, sheet
 * and cell (or line), never the message of the library that read it.
 */
class BadInputFilesTest extends CommandLineTestBase {

    private static final String FRAMEWORK = "indicators/miit-sme-2024.yaml";

    @TempDir
    Path tmp;


    private int run(String... args) {
        return execute(args);
    }

    private Path sampleCopy() throws IOException {
        Path data = tmp.resolve("2024");
        EvaluationJobTestSupport.copy(Path.of("sample-data/2024"), data);
        return data;
    }

    @Test
    void aDateCellAndASuperscriptAreInputErrorsAtTheirCells() throws IOException {
        Path data = sampleCopy();
        Path wuhan = data.resolve("returns/wuhan.xlsx");
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(wuhan)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream o = Files.newOutputStream(wuhan)) {
            Sheet sheet = wb.getSheet("Data");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            sheet.getRow(3).getCell(3).setCellValue(45356);
            sheet.getRow(3).getCell(3).setCellStyle(date);
            sheet.getRow(5).getCell(3).setCellValue("10\u2074");
            wb.write(o);
        }

        assertThat(run("validate", "-f", FRAMEWORK, "-d", data.toString())).isEqualTo(BizenvCommand.INVALID_INPUT);

        assertThat(stderr()).contains(
                "returns/wuhan.xlsx!Data!D4: '2024-03-05' is a date, not a number: format the cell as a number and "
                        + "type the value again",
                "returns/wuhan.xlsx!Data!D6: '10\u2074' is not a number: write 10000")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aCellBeyondColumnXfdIsAnInputErrorNamingTheSheetAndTheLimit() throws IOException {
        Path data = sampleCopy();
        TestFiles.rewritePart(data.resolve("statistics.xlsx"), "xl/worksheets/sheet1.xml", xml -> xml.replace(
                "<c r=\"A1\"", "<c r=\"AXYZ1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"A1\""));

        assertThat(run("validate", "-f", FRAMEWORK, "-d", data.toString())).isEqualTo(BizenvCommand.INVALID_INPUT);

        assertThat(stderr()).contains("statistics.xlsx!Data: cell AXYZ1 lies beyond column XFD (16,384), the last "
                + "column of an Excel sheet: the file was not saved by Excel or is damaged; open it in Excel and save "
                + "it again").doesNotContain("1-based").doesNotContain("\tat ");
    }

    @Test
    void aZipBombWorkbookIsAnInputErrorNamingTheFileAndTheLimit() throws IOException {
        Path data = sampleCopy();
        TestFiles.pad(data.resolve("returns/wuhan.xlsx"), "xl/worksheets/sheet1.xml", 20_000_000, false);

        assertThat(run("validate", "-f", FRAMEWORK, "-d", data.toString())).isEqualTo(BizenvCommand.INVALID_INPUT);

        assertThat(stderr()).contains("returns/wuhan.xlsx: its part xl/worksheets/sheet1.xml expands to more than 100 "
                + "times its compressed size, the limit; bizenv refuses such files as possible zip bombs")
                .doesNotContain("ZipSecureFile").doesNotContain("MIN_INFLATE_RATIO");
    }

    @Test
    void aScenarioFileAliasBombIsAnInputErrorAtItsLine() throws IOException {
        Path scenarios = tmp.resolve("bomb.yaml");
        Files.writeString(scenarios, YamlBombs.billionLaughs());

        assertThat(run("validate", "-f", FRAMEWORK, "--scenarios", scenarios.toString()))
                .isEqualTo(BizenvCommand.INVALID_INPUT);

        assertThat(stderr()).contains(scenarios + ":5: more than 25 aliases (*name) of lists or mappings, the limit "
                + "for a scenario file").doesNotContain("\tat ");
    }

    @Test
    void aTruncatedPreviousReportIsAnInputErrorWithItsLineAndColumn() throws IOException {
        Path previous = tmp.resolve("bizenv-report-2023.json");
        Files.writeString(previous, "{\n  \"meta\": {\"schemaVersion\": \"1.1\", \"year\": 2023},\n  \"ranking\": [\n");

        int code = run("run", "-f", FRAMEWORK, "-d", "sample-data/2024", "-y", "2024", "--no-robustness",
                "-r", previous.toString(), "-o", tmp.resolve("reports").toString(),
                "--repository", tmp.resolve("repo").toString());

        assertThat(code).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).contains(previous + ": line 4, column 1: not valid JSON (Unexpected end-of-input: "
                + "expected close marker for Array); --previous-report takes the JSON report an earlier bizenv run "
                + "wrote (bizenv-report-<year>.json), as it was written", "No report was written");
        assertThat(tmp.resolve("reports/2024")).doesNotExist();
    }
}
