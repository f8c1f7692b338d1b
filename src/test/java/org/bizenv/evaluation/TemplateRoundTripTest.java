package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.city.CityRegistry;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Source;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Headers;
import org.bizenv.ingest.SourceValues;
import org.bizenv.ingest.UnitTableReader;
import org.bizenv.ingest.UnitWorkbooksReader;
import org.bizenv.template.Templates;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The templates round trip: the blank templates of the bundled framework, filled in (here by the test) with the 2024
 * sample's values, give the same report as the sample itself — so the templates are exactly what the readers read.
 * Only what names the input files differs: the data folder, the files' hashes and sizes, and the column letters of the
 * statistics table, whose columns follow the framework's order of indicators.
 */
class TemplateRoundTripTest extends JobTestBase {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    static final Path SAMPLE = Path.of("sample-data/2024");
    static final String AT = "2025-03-01T00:00:00Z";

    @Test
    void templatesFilledWithTheSamplesValuesGiveTheSamplesReport() throws Exception {
        Framework fw = FrameworkLoader.load(FRAMEWORK);
        Path forms = tempDir("templates").resolve("2024");
        Templates.write(Templates.build(fw, Templates.units(fw), 2024), forms);
        CityRegistry registry = (CityRegistry) Intake.resolver(fw, new org.bizenv.ingest.Problems());

        fillReturns(fw, registry, forms);
        fillStatistics(fw, registry, forms);
        copyRows(SAMPLE.resolve("walkthrough.xlsx"), forms.resolve("walkthrough.xlsx"), "Tests");
        copySurvey(SAMPLE.resolve("survey.csv"), forms.resolve("survey.csv"));

        Path fromSample = tempDir("from-sample");
        Path fromForms = tempDir("from-forms");
        for (var run : List.of(new Path[] {SAMPLE, fromSample}, new Path[] {forms, fromForms})) {
            EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(FRAMEWORK, run[0], 2024, run[1], null,
                    null, AT, RobustnessSettings.off()));
            assertThat(o.failures()).isEmpty();
            assertThat(o.succeeded()).isTrue();
        }
        JsonMapper json = JsonMapper.builder().build();
        JsonNode a = json.readTree(fromSample.resolve("2024/bizenv-report-2024.json").toFile());
        JsonNode b = json.readTree(fromForms.resolve("2024/bizenv-report-2024.json").toFile());

        // the same files, by name and source; their bytes differ
        assertThat(paths(b.get("meta").get("sources"))).isEqualTo(paths(a.get("meta").get("sources")))
                .hasSize(36 + 3);
        // every raw value from the same file and sheet; the statistics columns are ordered as the framework lists them
        JsonNode pa = a.get("stages").get("raw").get("provenance");
        JsonNode pb = b.get("stages").get("raw").get("provenance");
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = pa.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> u = e.getValue().properties().iterator(); u.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = u.next();
                String sample = cell.getValue().isNull() ? null : cell.getValue().asString();
                JsonNode other = pb.get(e.getKey()).get(cell.getKey());
                String form = other == null || other.isNull() ? null : other.asString();
                if (sample != null && sample.startsWith("returns/")) {
                    assertThat(form).isEqualTo(sample);           // items in the sample's rows: D4…D17
                    compared++;
                } else if (sample != null && sample.startsWith("statistics.xlsx")) {
                    assertThat(form).matches("statistics\\.xlsx!Data![B-I]\\d+")
                            .endsWith(sample.replaceAll("^.*![A-Z]+", ""));   // same row: the cities in registry order
                    compared++;
                } else {
                    assertThat(form).isEqualTo(sample);
                }
            }
        }
        assertThat(compared).isEqualTo(36 * (14 + 8));

        assertThat(a.get("meta").get("parameters").get("data").asString()).isEqualTo("sample-data/2024");
        assertThat(b.get("meta").get("parameters").get("data").asString()).endsWith("/2024").contains("templates");
        for (JsonNode r : List.of(a, b)) {
            ObjectNode meta = (ObjectNode) r.get("meta");
            meta.remove("sources");
            ((ObjectNode) meta.get("parameters")).remove("data");
            ((ObjectNode) r.get("stages").get("raw")).remove("provenance");
        }
        assertThat(b).isEqualTo(a);
        assertThat(a.get("ranking").size()).isEqualTo(36);
        assertThat(a.get("stages").get("raw").get("values").size()).isEqualTo(38);
    }

    private static List<String> paths(JsonNode sources) {
        List<String> out = new ArrayList<>();
        sources.forEach(s -> out.add(s.get("source").asString() + " " + s.get("path").asString()));
        return out;
    }

    /** Each return's value column, from what the reader reads in the sample's return of that city. */
    private static void fillReturns(Framework fw, CityRegistry registry, Path forms) throws IOException {
        Source s = fw.source("returns").orElseThrow();
        List<FieldRequest> fields = Intake.requests(fw, s);
        SourceValues sample = new UnitWorkbooksReader(registry, SAMPLE).read("returns", "returns", "Data", fields)
                .orThrow();
        for (var city : registry.cities()) {
            Path file = forms.resolve("returns/" + city.code() + ".xlsx");
            edit(file, wb -> {
                Sheet d = wb.getSheet("Data");
                assertThat(d.getRow(0).getCell(1).getStringCellValue()).isEqualTo(city.nameZh());
                for (int r = 3; r <= d.getLastRowNum(); r++) {
                    String field = d.getRow(r).getCell(0).getStringCellValue();
                    d.getRow(r).getCell(3).setCellValue(sample.value(city.code(), field));
                }
            });
        }
    }

    /** Each city's row of the statistics table, the columns found by the reader's header rule. */
    private static void fillStatistics(Framework fw, CityRegistry registry, Path forms) throws IOException {
        Source s = fw.source("statistics").orElseThrow();
        List<FieldRequest> fields = Intake.requests(fw, s);
        SourceValues sample = new UnitTableReader(registry, SAMPLE).read("statistics", s.path(), s.sheet(),
                s.unitColumn(), fields).orThrow();
        edit(forms.resolve(s.path()), wb -> {
            Sheet d = wb.getSheet(s.sheet());
            List<String> header = new ArrayList<>();
            d.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            for (int r = 1; r <= d.getLastRowNum(); r++) {
                String city = registry.resolve(d.getRow(r).getCell(0).getStringCellValue()).unit().code();
                for (FieldRequest f : fields) {
                    int col = Headers.matching(header, f.field()).get(0);
                    d.getRow(r).getCell(col).setCellValue(sample.value(city, f.field()));
                }
            }
        });
    }

    /** The sample's rows under the template's header, each column moved to where the template has it. */
    private static void copyRows(Path from, Path to, String sheet) throws IOException {
        XSSFWorkbook source;
        try (InputStream in = Files.newInputStream(from)) {
            source = new XSSFWorkbook(in);
        }
        Sheet src = source.getSheet(sheet);
        edit(to, wb -> {
            Sheet dst = wb.getSheet(sheet);
            List<String> header = new ArrayList<>();
            dst.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int[] target = new int[src.getRow(0).getLastCellNum()];
            for (int c = 0; c < target.length; c++) {
                target[c] = Headers.matching(header, src.getRow(0).getCell(c).getStringCellValue()).get(0);
            }
            for (int r = 1; r <= src.getLastRowNum(); r++) {
                Row in = src.getRow(r);
                Row out = dst.createRow(r);
                for (int c = 0; c < target.length; c++) {
                    Cell cell = in.getCell(c);
                    if (cell == null) {
                        continue;
                    }
                    Cell copy = out.createCell(target[c]);
                    if (cell.getCellType() == CellType.NUMERIC) {
                        copy.setCellValue(cell.getNumericCellValue());
                    } else {
                        copy.setCellValue(cell.getStringCellValue());
                    }
                }
            }
        });
        source.close();
    }

    /** The sample's answers under the template's header line (the questions the framework does not score dropped). */
    private static void copySurvey(Path from, Path to) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        String templateHeader = Files.readString(to, StandardCharsets.UTF_8).strip();
        List<String> header = List.of(templateHeader.replace("\uFEFF", "").split(","));
        String[] sampleHeader = lines.get(0).split(",");
        int[] source = new int[header.size()];
        for (int c = 0; c < source.length; c++) {
            source[c] = List.of(sampleHeader).indexOf(header.get(c));
            assertThat(source[c]).as(header.get(c)).isNotNegative();
        }
        StringBuilder out = new StringBuilder(templateHeader).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int c : source) {
                row.add(f[c]);
            }
            out.append(String.join(",", row)).append('\n');
        }
        Files.writeString(to, out, StandardCharsets.UTF_8);
    }

    interface Edit {
        void apply(XSSFWorkbook wb) throws IOException;
    }

    private static void edit(Path file, Edit edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        edit.apply(wb);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }
}
