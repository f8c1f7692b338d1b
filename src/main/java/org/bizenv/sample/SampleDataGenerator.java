package org.bizenv.sample;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.sample.SampleCities.City;
import org.bizenv.sample.SampleWorld.Field;
import org.bizenv.sample.SampleWorld.Question;
import org.bizenv.sample.SampleWorld.WalkItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the bundled SYNTHETIC sample data for the framework indicators/miit-sme-2024.yaml (36 cities) or, as
 * {@link SampleEdition#CITIES_50}, for indicators/miit-sme-50-2024.yaml (50 cities): for each of
 * 2023 and 2024 a folder with the four channels (government returns, public statistics, walk-through tests,
 * enterprise survey), in the layouts of docs/framework-format.md.
 *
 * {@code bizenv generate-sample --output DIR --seed N} ({@code cli.GenerateSampleCommand}, which refuses a folder
 * that is not empty without {@code --force}) writes {@code DIR/2023/} and {@code DIR/2024/}. The output is a pure function of
 * the seed: the same seed gives byte-identical files (workbook dates are fixed, zip entries are re-packed
 * with a fixed time). The data come from {@link SampleWorld}; no figure is real.
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 2024;
    static final String CREATOR = "bizenv sample generator";

    /** Every city of the 36 but the two below gets at least this many respondents. */
    static final int SURVEY_FLOOR = SampleEdition.KEY_CITIES_36.surveyFloor();
    /**
     * Two small cities whose response fell short: with 58–66 % of firms having sought financing, fewer than
     * the framework's min-sample (400) answer the loan questions Q09 and Q10 there, so those values are flagged.
     */
    static final Map<String, Map<Integer, Integer>> SURVEY_SHORT = Map.of(
            "lhasa", Map.of(2023, 520, 2024, 540),
            "xining", Map.of(2023, 575, 2024, 590));
    static final double LOAN_SHARE_LO = 0.58;
    static final double LOAN_SHARE_HI = 0.66;

    /** Industries (GB/T 4754 sections, short names) and their share among respondents. */
    static final Map<String, Double> INDUSTRIES = linked(
            "制造业", 0.26, "批发和零售业", 0.22, "信息技术服务业", 0.10, "科学研究和技术服务业", 0.07,
            "建筑业", 0.07, "住宿和餐饮业", 0.07, "交通运输仓储和邮政业", 0.05, "租赁和商务服务业", 0.07,
            "居民服务和修理业", 0.04, "文化体育和娱乐业", 0.03, "农林牧渔业", 0.02);
    private static final Map<String, Double> INDUSTRY_EFFECT = Map.of(
            "信息技术服务业", 0.10, "科学研究和技术服务业", 0.08, "住宿和餐饮业", -0.12, "建筑业", -0.10,
            "农林牧渔业", -0.08);

    private SampleDataGenerator() {
    }

    /** Writes the 36-city sample into {@code outputRoot/2023} and {@code outputRoot/2024}. */
    public static void generate(Path outputRoot, long seed) {
        generate(outputRoot, seed, SampleEdition.KEY_CITIES_36);
    }

    /**
     * Writes an edition's sample into {@code outputRoot/2023} and {@code outputRoot/2024}, replacing earlier
     * generated files there.
     */
    public static void generate(Path outputRoot, long seed, SampleEdition edition) {
        SampleWorld world = new SampleWorld(seed, edition);
        try {
            for (int year : SampleWorld.YEARS) {
                Path dir = outputRoot.resolve(Integer.toString(year));
                Path returns = dir.resolve("returns");
                Files.createDirectories(returns);
                try (Stream<Path> old = Files.list(returns)) {
                    for (Path p : old.filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                        Files.delete(p);
                    }
                }
                for (City c : edition.cities()) {
                    writeReturn(world, edition, c, year, seed, returns.resolve(c.code() + ".xlsx"));
                }
                writeStatistics(world, edition, year, seed, dir.resolve("statistics.xlsx"));
                writeWalkthrough(world, edition, year, seed, dir.resolve("walkthrough.xlsx"));
                Files.write(dir.resolve("survey.csv"),
                        surveyCsv(world, edition, year).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Government returns: one workbook per city
    // ------------------------------------------------------------------------------------------------

    private static void writeReturn(SampleWorld w, SampleEdition e, City c, int year, long seed, Path file)
            throws IOException {
        SplittableRandom r = w.rng("returns", c.code(), Integer.toString(year));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            row(s, 0, "城市 City", SampleCities.typedName(c, r, 0.3, true));
            Row yearRow = row(s, 1, "年份 Year");
            yearRow.createCell(1).setCellValue(year);
            row(s, 2, "代码 Code", "指标 Item", "单位 Unit", "数值 Value", "备注 Note");
            int i = 3;
            for (Field f : SampleWorld.RETURNS) {
                Row row = row(s, i++, f.code(), f.nameZh(), f.unit());
                double v = w.value(c, f, year);
                String text = typedNumber(v, f, r);
                if (text == null) {
                    row.createCell(3).setCellValue(v);
                } else {
                    row.createCell(3).setCellValue(text);
                }
                if (r.nextDouble() < 0.3) {
                    row.createCell(4).setCellValue("数据来源：" + f.note());
                }
            }
            widths(s, 14, 44, 16, 12, 24);
            about(wb, e, "说明 About", year, seed,
                    "政府部门填报表（" + c.nameZh() + "）Government data return of " + c.nameEn(),
                    "B1 为城市名称（按填报人习惯书写），第 3 行为表头，第 4 行起每行一个填报事项 R01–R14。",
                    "B1 holds the city's name as typed; row 3 is the header; from row 4 one row per returned item R01–R14.");
            save(wb, e, file, year, seed, "Government data return – " + c.nameEn() + " " + year);
        }
    }

    /**
     * Most values are numeric cells; a few are typed as text the way people do, in forms the engine accepts:
     * thousands separators (1,234), a percent sign where the unit is % (85.3%), or full-width digits (８５.３).
     * Returns null for a numeric cell.
     */
    private static String typedNumber(double v, Field f, SplittableRandom r) {
        double d = r.nextDouble();
        String plain = BigDecimal.valueOf(v).setScale(f.decimals(), RoundingMode.HALF_UP).toPlainString();
        if (f.unit().equals("%") && d < 0.15) {
            return plain + "%";
        }
        if (f.decimals() == 0 && v >= 1000 && d < 0.5) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        if (d > 0.96) {
            StringBuilder b = new StringBuilder();
            for (char ch : plain.toCharArray()) {
                b.append(ch >= '0' && ch <= '9' ? (char) (ch - '0' + '０') : ch);
            }
            return b.toString();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------
    // Public statistics: one table, a row per city
    // ------------------------------------------------------------------------------------------------

    private static void writeStatistics(SampleWorld w, SampleEdition e, int year, long seed, Path file)
            throws IOException {
        SplittableRandom r = w.rng("statistics", Integer.toString(year));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            List<String> header = new ArrayList<>(List.of("City"));
            SampleWorld.STATISTICS.forEach(f -> header.add(f.code() + " " + f.nameZh() + " (" + f.unit() + ")"));
            row(s, 0, header.toArray(String[]::new));
            int i = 1;
            for (City c : e.cities()) {
                Row row = row(s, i++, SampleCities.typedName(c, r, 0.4, false));
                int col = 1;
                for (Field f : SampleWorld.STATISTICS) {
                    row.createCell(col++).setCellValue(w.value(c, f, year));
                }
            }
            widths(s, 14, 22, 22, 22, 22, 22, 22, 22, 22);
            List<String> lines = new ArrayList<>(List.of(
                    "公开统计数据汇编 Public statistics compiled for the evaluation, " + year,
                    "第 1 行为表头：City 列为城市，其余每列一个统计指标，列名以代码开头。",
                    "Row 1 is the header: column City holds the city, each other column one statistic, named by its code first.",
                    ""));
            SampleWorld.STATISTICS.forEach(f -> lines.add(f.code() + "  " + f.nameZh() + " / " + f.nameEn()
                    + "  [" + f.unit() + "]"));
            about(wb, e, "About", year, seed, lines.toArray(String[]::new));
            save(wb, e, file, year, seed, "Public statistics " + year);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Walk-through tests: a row per test
    // ------------------------------------------------------------------------------------------------

    private record Test(LocalDate date, int city, int item, String cityTyped, String outcome, double hours) {
    }

    private static void writeWalkthrough(SampleWorld w, SampleEdition e, int year, long seed, Path file)
            throws IOException {
        List<Test> tests = new ArrayList<>();
        for (int ci = 0; ci < e.cities().size(); ci++) {
            City c = e.cities().get(ci);
            SplittableRandom r = w.rng("walkthrough", c.code(), Integer.toString(year));
            boolean chineseLabels = r.nextDouble() < 0.5;   // each assessor team writes outcomes its own way
            for (int ii = 0; ii < SampleWorld.WALK_ITEMS.size(); ii++) {
                WalkItem item = SampleWorld.WALK_ITEMS.get(ii);
                double u = w.percentile(c, item.code(), item.sub(), 0, 0, year);
                double passProbability = item.passLo() + (item.passHi() - item.passLo()) * u;
                double typicalHours = SampleWorld.scaled(1 - u, item.hoursLo(), item.hoursHi(), true);
                int n = 6 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    boolean pass = r.nextDouble() < passProbability;
                    double hours = typicalHours * StrictMath.exp(0.3 * SampleWorld.gaussian(r)) * (pass ? 1 : 1.4);
                    LocalDate date = LocalDate.of(year, 6, 1).plusDays(r.nextInt(183));
                    String outcome = chineseLabels ? (pass ? "通过" : "未通过") : (pass ? "pass" : "fail");
                    tests.add(new Test(date, ci, ii, SampleCities.typedName(c, r, 0.2, true), outcome,
                            Math.max(0.1, SampleWorld.round(hours, 1))));
                }
            }
        }
        tests.sort(Comparator.comparing(Test::date).thenComparingInt(Test::city).thenComparingInt(Test::item));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Tests");
            row(s, 0, "TestId", "City", "Item", "Outcome", "Hours", "Date");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            int i = 1;
            for (Test t : tests) {
                Row row = row(s, i, String.format(java.util.Locale.ROOT, "WT%d-%04d", year, i), t.cityTyped(),
                        SampleWorld.WALK_ITEMS.get(t.item()).code(), t.outcome());
                row.createCell(4).setCellValue(t.hours());
                row.createCell(5).setCellValue(t.date());
                row.getCell(5).setCellStyle(dateStyle);
                i++;
            }
            widths(s, 14, 14, 8, 10, 8, 12);
            List<String> lines = new ArrayList<>(List.of(
                    "第三方穿行测试记录 Third-party walk-through tests, " + year,
                    "每行一次测试：Outcome 为 pass/fail 或 通过/未通过，Hours 为测试用时（小时）。",
                    "One row per test: Outcome is pass/fail or 通过/未通过, Hours the time the tester needed.",
                    ""));
            SampleWorld.WALK_ITEMS.forEach(it -> lines.add(it.code() + "  " + it.nameZh() + " / " + it.nameEn()));
            about(wb, e, "About", year, seed, lines.toArray(String[]::new));
            save(wb, e, file, year, seed, "Walk-through tests " + year);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Enterprise survey: a CSV row per responding SME
    // ------------------------------------------------------------------------------------------------

    /** Respondents per city in a year: fixed for the two short cities, the rest apportioned by √population. */
    static Map<String, Integer> surveySizes(SampleEdition e, int year) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<City> rest = e.cities().stream().filter(c -> !SURVEY_SHORT.containsKey(c.code())).toList();
        int shortTotal = SURVEY_SHORT.values().stream().mapToInt(m -> m.get(year)).sum();
        int extra = e.surveyTotal().get(year) - shortTotal - e.surveyFloor() * rest.size();
        double[] weight = rest.stream().mapToDouble(c -> StrictMath.sqrt(c.populationWan()) - 12).toArray();
        double sum = 0;
        for (double x : weight) {
            sum += x;
        }
        int[] add = new int[rest.size()];
        double[] remainder = new double[rest.size()];
        int given = 0;
        for (int i = 0; i < add.length; i++) {
            double exact = extra * weight[i] / sum;
            add[i] = (int) exact;
            remainder[i] = exact - add[i];
            given += add[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < add.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; k < extra - given; k++) {
            add[byRemainder.get(k)]++;
        }
        for (City c : e.cities()) {
            int idx = rest.indexOf(c);
            out.put(c.code(), idx < 0 ? SURVEY_SHORT.get(c.code()).get(year) : e.surveyFloor() + add[idx]);
        }
        return out;
    }

    static String surveyCsv(SampleWorld w, SampleEdition e, int year) {
        List<String> rows = new ArrayList<>();
        Map<String, Integer> sizes = surveySizes(e, year);
        for (City c : e.cities()) {
            SplittableRandom r = w.rng("survey", c.code(), Integer.toString(year));
            int n = sizes.get(c.code());
            // exactly round(n·share) respondents sought financing and answer Q09/Q10; the others answer 9
            double loanShare = LOAN_SHARE_LO + (LOAN_SHARE_HI - LOAN_SHARE_LO) * r.nextDouble();
            boolean[] soughtFinance = shuffledFlags(n, (int) Math.round(n * loanShare), r);
            // the sample over-represents small and medium firms compared with the population (70/25/5)
            double micro = 0.42 + 0.08 * r.nextDouble();
            double medium = 0.16 + 0.08 * r.nextDouble();
            double[] mean = new double[SampleWorld.QUESTIONS.size()];
            for (int q = 0; q < mean.length; q++) {
                Question question = SampleWorld.QUESTIONS.get(q);
                double z = w.standardScore(c, question.code(), question.sub(), 0, -0.3, year);
                mean[q] = Math.max(2.2, Math.min(4.5, question.centre() + 0.32 * z));
            }
            for (int k = 0; k < n; k++) {
                double d = r.nextDouble();
                String size = d < micro ? "micro" : d < 1 - medium ? "small" : "medium";
                String industry = pick(INDUSTRIES, r.nextDouble());
                boolean abandoned = r.nextDouble() < 0.015;       // stopped before the policy block
                StringBuilder b = new StringBuilder();
                b.append(SampleCities.typedName(c, r, 0.25, true)).append(',')
                        .append(size).append(',').append(industry);
                for (int q = 0; q < mean.length; q++) {
                    Question question = SampleWorld.QUESTIONS.get(q);
                    b.append(',');
                    if (question.loanBlock() && !soughtFinance[k]) {
                        b.append(9);
                    } else if (r.nextDouble() < question.naRate()) {
                        b.append(9);
                    } else if (!(abandoned && q >= 14) && r.nextDouble() >= 0.006) {
                        double x = mean[q] + sizeEffect(size, question.financing())
                                + INDUSTRY_EFFECT.getOrDefault(industry, 0.0) + SampleWorld.gaussian(r);
                        b.append(Math.max(1, Math.min(5, Math.round(x))));
                    }                                             // else: left blank
                }
                rows.add(b.toString());
            }
        }
        // an export lists answers in the order they came in, not by city
        SplittableRandom order = w.rng("survey-order", Integer.toString(year));
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            String t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
        StringBuilder csv = new StringBuilder("RespondentId,City,Size,Industry");
        SampleWorld.QUESTIONS.forEach(q -> csv.append(',').append(q.code()));
        csv.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            csv.append(String.format(java.util.Locale.ROOT, "R%d-%05d", year, i + 1)).append(',').append(rows.get(i)).append('\n');
        }
        return csv.toString();
    }

    /** Micro firms rate their environment lower than medium ones, most of all on financing. */
    private static double sizeEffect(String size, boolean financing) {
        return switch (size) {
            case "micro" -> financing ? -0.35 : -0.12;
            case "medium" -> financing ? 0.45 : 0.25;
            default -> financing ? 0.0 : 0.05;
        };
    }

    private static boolean[] shuffledFlags(int n, int trueCount, SplittableRandom r) {
        boolean[] flags = new boolean[n];
        for (int i = 0; i < trueCount; i++) {
            flags[i] = true;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            boolean t = flags[i];
            flags[i] = flags[j];
            flags[j] = t;
        }
        return flags;
    }

    private static String pick(Map<String, Double> shares, double d) {
        double cumulative = 0;
        String last = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            cumulative += e.getValue();
            last = e.getKey();
            if (d < cumulative) {
                return last;
            }
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------
    // Workbook helpers
    // ------------------------------------------------------------------------------------------------

    private static Row row(Sheet s, int index, String... texts) {
        Row row = s.createRow(index);
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
        return row;
    }

    private static void widths(Sheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** A sheet that says, before anything else, that the data are synthetic. */
    private static void about(XSSFWorkbook wb, SampleEdition e, String name, int year, long seed, String... lines) {
        Sheet s = wb.createSheet(name);
        List<String> all = new ArrayList<>(List.of(
                "合成数据 SYNTHETIC DATA",
                "本文件由 bizenv sample generator 生成，全部数值为模拟数据，不代表任何城市的真实情况。",
                "Made by the bizenv sample generator: every value is SYNTHETIC and says nothing about the real city.",
                "Year " + year + " · seed " + seed + " · framework " + e.framework(),
                ""));
        all.addAll(List.of(lines));
        for (int i = 0; i < all.size(); i++) {
            s.createRow(i).createCell(0).setCellValue(all.get(i));
        }
        s.setColumnWidth(0, 110 * 256);
    }

    /**
     * Saves with fixed core properties (dates derived from the year: 1 March of the next year, when the
     * returns would be in) and a zip re-packed with fixed entry times, so the bytes depend on the content only.
     */
    private static void save(XSSFWorkbook wb, SampleEdition e, Path file, int year, long seed, String title)
            throws IOException {
        POIXMLProperties.CoreProperties p = wb.getProperties().getCoreProperties();
        LocalDateTime fixedTime = LocalDate.of(year + 1, 3, 1).atStartOfDay();
        Date fixed = Date.from(fixedTime.toInstant(ZoneOffset.UTC));
        p.setTitle(title + " (SYNTHETIC)");
        p.setSubjectProperty("bizenv sample data");
        p.setDescription("SYNTHETIC sample data for the bizenv framework " + e.frameworkId() + ", made by the bizenv "
                + "sample generator with seed " + seed + ". Not real figures of any city.");
        p.setKeywords("synthetic; sample; bizenv");
        p.setCreator(CREATOR);
        p.setLastModifiedByUser(CREATOR);
        p.setCreated(Optional.of(fixed));
        p.setModified(Optional.of(fixed));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        Files.write(file, StableZip.repack(bytes.toByteArray(), fixedTime));
    }

    private static Map<String, Double> linked(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }
}
