package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.report.ReadBack.cell;
import static org.bizenv.report.ReadBack.empty;
import static org.bizenv.report.ReadBack.fill;
import static org.bizenv.report.ReadBack.number;
import static org.bizenv.report.ReadBack.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.Report;
import org.bizenv.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Survey and Survey breakdown sheets on a report of four cities with two survey indicators, worked out by hand:
 * the breakdown wide (a row per city and indicator, each group as value | answers), thin groups shaded against the
 * breakdown's own minimum, empty groups blank, and both sheets printed landscape one page wide.
 */
class SurveySheetsTest {

    static final double NaN = Double.NaN;

    @TempDir
    Path dir;
    @RegisterExtension
    final WrittenReports written = new WrittenReports();

    /**
     * MKT.1 (mean score) and FIN.1 (share favourable) of source "survey", min-sample 400 and breakdown-min-sample 30;
     * industries 制造业, 建筑业 and not given (""). Units: beijing, shanghai, wuhan, chengdu. Chengdu named no
     * industry "not given", Wuhan had no medium firm answer MKT.1.
     */
    static Report.SurveyIndicatorInfo mkt1() {
        return new Report.SurveyIndicatorInfo("MKT.1", "survey", "Q01", "mean-score", 400, 30,
                new double[] {61.5, 70.25, 55, 48.125}, new int[] {420, 380, 90, 64},
                new double[] {1.2, 1.3, 2.5, 3.1}, new double[] {59.148, 67.702, 50.1, 42.049},
                new double[] {63.852, 72.798, 59.9, 54.201},
                new double[][] {{60.5, 71, 54, 47.5}, {62.25, 69, 56.5, 49}, {66, 70.5, NaN, 50.75}},
                new int[][] {{300, 250, 70, 40}, {100, 100, 20, 20}, {20, 30, 0, 4}},
                List.of("制造业", "建筑业", ""),
                new double[][] {{63.5, 72.125, 57, 46}, {58, 68, 52.5, 50.5}, {60, 71.5, 50, NaN}},
                new int[][] {{250, 200, 60, 44}, {150, 170, 25, 20}, {20, 10, 5, 0}});
    }

    static Report.SurveyIndicatorInfo fin1() {
        return new Report.SurveyIndicatorInfo("FIN.1", "survey", "Q02", "share-favourable", 400, 30,
                new double[] {40, 45, 50, 55}, new int[] {410, 390, 88, 60},
                new double[] {2, 2, 5, 6}, new double[] {36.08, 41.08, 40.2, 43.24},
                new double[] {43.92, 48.92, 59.8, 66.76},
                new double[][] {{41, 46, 51, 56}, {39, 44, 49, 54}, {38, 43, NaN, 53}},
                new int[][] {{290, 260, 68, 40}, {100, 100, 20, 16}, {20, 30, 0, 4}},
                List.of("制造业", "建筑业", ""),
                new double[][] {{42, 47, 52, 57}, {37, 42, 47, 52}, {35, 40, 45, NaN}},
                new int[][] {{240, 210, 58, 40}, {150, 170, 25, 20}, {20, 10, 5, 0}});
    }

    private XSSFWorkbook write() throws IOException {
        return written.write(ReportFixtures.sample().withSurvey(List.of(mkt1(), fin1())), dir.resolve("report.xlsx"));
    }

    @Test
    void theBreakdownIsARowPerCityAndIndicatorWithTheGroupsAcross() throws IOException {
        Sheet s = write().getSheet(ExcelReportWriter.SURVEY_BREAKDOWN);
        // title, legend, the two group rows, the column heads; then 4 cities × 2 indicators
        assertThat(text(s, 1, 0)).isEqualTo("样本不足 Thin");
        assertThat(fill(s, 1, 0)).isEqualTo(ExcelReportWriter.THIN_SAMPLE_RGB);
        assertThat(text(s, 1, 1)).isEqualTo("＝该组有效回答少于 30 份（breakdown-min-sample），估计不稳，仅供参考；"
                + "空白＝该组没有回答。  Shaded: the group has fewer than 30 valid answers (breakdown-min-sample), an "
                + "unsteady estimate to read with care; blank: no answers. Each group: value | valid answers (n).");
        assertThat(text(s, 2, 3)).isEqualTo("企业规模 Size class");
        assertThat(text(s, 2, 9)).isEqualTo("行业（按企业规模加权）Industry (post-stratified by size class)");
        List<String> groups = new ArrayList<>();
        for (int c = 3; c < 15; c += 2) {
            groups.add(text(s, 3, c));
        }
        assertThat(groups).containsExactly("微型 Micro", "小型 Small", "中型 Medium", "制造业", "建筑业", "未填写 Not given");
        assertThat(s.getMergedRegions()).contains(new CellRangeAddress(2, 2, 3, 8), new CellRangeAddress(2, 2, 9, 14),
                new CellRangeAddress(3, 3, 11, 12));
        assertThat(text(s, 4, 0)).isEqualTo("城市 City");
        assertThat(text(s, 4, 2)).isEqualTo("指标 Indicator");
        assertThat(text(s, 4, 13)).isEqualTo("值 Value");
        assertThat(text(s, 4, 14)).isEqualTo("回答 n");
        assertThat(s.getLastRowNum()).isEqualTo(4 + 4 * 2);

        // Wuhan (third city), FIN.1: row 5 + 2·2 + 1
        int wuhanFin = 10;
        assertThat(text(s, wuhanFin, 1)).isEqualTo("wuhan");
        assertThat(text(s, wuhanFin, 2)).isEqualTo("FIN.1");
        // small firms: 49 on 20 answers, under 30: shaded, value and n
        assertThat(number(s, wuhanFin, 5)).isEqualTo(49);
        assertThat(number(s, wuhanFin, 6)).isEqualTo(20);
        assertThat(fill(s, wuhanFin, 5)).isEqualTo(ExcelReportWriter.THIN_SAMPLE_RGB);
        assertThat(fill(s, wuhanFin, 6)).isEqualTo(ExcelReportWriter.THIN_SAMPLE_RGB);
        // micro: 51 on 68, not thin
        assertThat(number(s, wuhanFin, 3)).isEqualTo(51);
        assertThat(number(s, wuhanFin, 4)).isEqualTo(68);
        assertThat(fill(s, wuhanFin, 3)).isNull();
        // medium: no answers, both cells blank
        assertThat(empty(s, wuhanFin, 7)).isTrue();
        assertThat(empty(s, wuhanFin, 8)).isTrue();
        // manufacturing (制造业): 52 on 58; construction (建筑业): 47 on 25, shaded; not given: 45 on 5, shaded
        assertThat(number(s, wuhanFin, 9)).isEqualTo(52);
        assertThat(number(s, wuhanFin, 10)).isEqualTo(58);
        assertThat(fill(s, wuhanFin, 9)).isNull();
        assertThat(number(s, wuhanFin, 11)).isEqualTo(47);
        assertThat(number(s, wuhanFin, 12)).isEqualTo(25);
        assertThat(fill(s, wuhanFin, 11)).isEqualTo(ExcelReportWriter.THIN_SAMPLE_RGB);
        assertThat(number(s, wuhanFin, 13)).isEqualTo(45);
        assertThat(number(s, wuhanFin, 14)).isEqualTo(5);
        // Beijing's 300 micro answers are under the city's 400 but not the breakdown's 30: not shaded
        assertThat(number(s, 5, 4)).isEqualTo(300);
        assertThat(fill(s, 5, 4)).isNull();
        // Chengdu, MKT.1: no firm named no industry
        assertThat(text(s, 11, 1)).isEqualTo("chengdu");
        assertThat(text(s, 11, 2)).isEqualTo("MKT.1");
        assertThat(empty(s, 11, 13)).isTrue();
        assertThat(empty(s, 11, 14)).isTrue();

        // landscape, one page wide, however long; the heads (rows 1–5) on every page
        assertThat(s.getPrintSetup().getLandscape()).isTrue();
        assertThat(s.getFitToPage()).isTrue();
        assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
        assertThat(s.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:5"));
        assertThat(s.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 3);
        assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
    }

    @Test
    void theSurveySheetWrapsTheNamesAndPrintsOnePageWide() throws IOException {
        Sheet s = write().getSheet(ExcelReportWriter.SURVEY);
        assertThat(text(s, 2, 3)).isEqualTo("开办企业时间 Time to start a business");
        assertThat(cell(s, 2, 3).getCellStyle().getWrapText()).isTrue();
        // as wide as the longest name ("开办企业时间 Time to start a business", 37 wide, and a margin of 2), not
        // cut at 30 as other text columns are
        assertThat(s.getColumnWidth(3)).isEqualTo(39 * 256);
        // Shanghai's MKT.1 rests on 380 answers, under the city's 400: shaded and said
        assertThat(number(s, 4, 7)).isEqualTo(380);
        assertThat(fill(s, 4, 7)).isEqualTo(ExcelReportWriter.THIN_SAMPLE_RGB);
        assertThat(text(s, 4, 11)).isEqualTo("是（少于400）Yes (under 400)");
        assertThat(s.getPrintSetup().getLandscape()).isTrue();
        assertThat(s.getFitToPage()).isTrue();
        assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(s.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
    }
}
