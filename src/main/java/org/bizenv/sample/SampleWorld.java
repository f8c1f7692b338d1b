package org.bizenv.sample;

import org.apache.commons.math3.special.Erf;
import org.bizenv.sample.SampleCities.City;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic world behind the sample data: a latent "quality" per city, sub-dimension and year, and the
 * rules that turn it into the values each channel reports.
 *
 * <p>Latent quality of city c on sub-dimension k (of dimension d) in year y:
 * <pre>
 *   L = 0.55·dev(c) + 0.15·size(c) + region(c) + D(c,d) + K(c,k) + [y = 2024]·(T(c) + TD(c,d))
 * </pre>
 * with dev and size standardised over the edition's cities (the 36, or the 50), D ~ N(0, 0.6) the city's
 * strength or weakness on a dimension, K ~ N(0, 0.35) on a sub-dimension, T ~ N(0.15, 0.22) the city's overall change from 2023 to 2024
 * (most improve, about a quarter regress) and TD ~ N(0, 0.15) its change on a dimension. A field adds its own
 * loadings on size and development, a persistent city effect N(0, 0.35) and yearly noise N(0, 0.12); the
 * result is standardised with the 2023 cross-section, mapped through the normal CDF to a percentile u and
 * from u to the field's plausible range [lo, hi] (linear or logarithmic, reversed when lower is better).
 * Every random draw comes from a stream named after what it is for, so one channel's draws never shift
 * another's.
 */
final class SampleWorld {

    static final int BASE_YEAR = 2023;
    static final int[] YEARS = {2023, 2024};

    /** How a field's value relates to its latent percentile. */
    enum Scale { LINEAR, LOG, YES_NO }

    /**
     * A returned item (R..) or a statistics column (S..): its latent sub-dimension, plausible range and
     * rounding. For YES_NO fields {@code lo} and {@code hi} are the number of the 36 cities answering 0 (no) in
     * 2023 and 2024 (an edition may set its own, {@link SampleEdition#yesNoZeros}); the 2024 "no" cities are a
     * subset of the 2023 ones (a mechanism, once set up, stays).
     */
    record Field(String code, String nameZh, String nameEn, String unit, String sub, double lo, double hi,
                 Scale scale, boolean higherBetter, int decimals, double sizeLoad, double devExtra, String note) {
    }

    /** A walk-through item: its pass probability range and the range of the city's typical hours. */
    record WalkItem(String code, String nameZh, String nameEn, String sub, double passLo, double passHi,
                    double hoursLo, double hoursHi) {
    }

    /**
     * A survey question: its latent sub-dimension, the centre of city mean answers, the share of
     * "not applicable" answers, and whether only firms that sought financing answer it (loan block).
     */
    record Question(String code, String textZh, String textEn, String sub, double centre, double naRate,
                    boolean loanBlock, boolean financing) {
    }

    static final List<Field> RETURNS = List.of(
            new Field("R01", "开办企业时间", "Time to start a business", "days", "MKT.ACC",
                    1.0, 8.0, Scale.LOG, false, 1, 0, 0, "市市场监管局"),
            new Field("R02", "“证照分离”改革后保留的涉企经营许可事项数", "Permits remaining after reform", "items", "MKT.ACC",
                    38, 140, Scale.LINEAR, false, 0, 0, 0, "市司法局"),
            new Field("R03", "政务服务事项全程网办率", "Government services fully online", "%", "MKT.GOV",
                    60, 99.6, Scale.LINEAR, true, 1, 0, 0.2, "市政务服务中心"),
            new Field("R04", "每万人新设企业数", "New enterprises per 10k people", "per 10k people", "MKT.ENT",
                    45, 260, Scale.LOG, true, 1, 0, 0.2, "市市场监管局"),
            new Field("R05", "专精特新中小企业数量", "专精特新 SMEs", "firms", "MKT.ENT",
                    60, 5200, Scale.LOG, true, 0, 1.0, 0.3, "市工业和信息化局"),
            new Field("R06", "公平竞争审查覆盖全部新出台涉企政策", "Fair-competition review of all new measures", "1/0",
                    "MKT.COM", 7, 4, Scale.YES_NO, true, 0, 0, 0, "市市场监管局"),
            new Field("R07", "中小企业投诉按期办结率", "SME complaints settled on time", "%", "LAW.REM",
                    84, 100, Scale.LINEAR, true, 1, 0, 0, "市12345热线"),
            new Field("R08", "商事案件平均审理天数", "Average duration of commercial cases", "days", "LAW.JUD",
                    42, 160, Scale.LOG, false, 0, 0, 0, "市中级人民法院"),
            new Field("R09", "政府性融资担保平均费率", "Average fee of government-backed guarantees", "%", "FIN.CRG",
                    0.55, 2.2, Scale.LINEAR, false, 2, 0, 0, "市财政局"),
            new Field("R10", "中小企业公共服务示范平台和双创示范基地数量", "SME service platforms and incubators", "platforms",
                    "INN.PLT", 6, 110, Scale.LOG, true, 0, 0.6, 0.2, "市工业和信息化局"),
            new Field("R11", "专精特新“小巨人”企业数量", "Little-giant firms", "firms", "INN.OUT",
                    4, 720, Scale.LOG, true, 0, 0.9, 0.5, "市工业和信息化局"),
            new Field("R12", "当年出台的中小企业扶持政策文件数", "SME-support policy documents issued", "documents", "POL.ISS",
                    6, 58, Scale.LINEAR, true, 0, 0.3, 0, "市政府办公厅"),
            new Field("R13", "建立防范和化解拖欠中小企业账款长效机制", "Long-term mechanism against arrears", "1/0",
                    "POL.ARR", 10, 5, Scale.YES_NO, true, 0, 0, 0, "市工业和信息化局"),
            new Field("R14", "拖欠中小企业账款清偿率", "Arrears owed to SMEs cleared", "%", "POL.ARR",
                    68, 100, Scale.LINEAR, true, 1, 0, 0, "市清欠办"));

    static final List<Field> STATISTICS = List.of(
            new Field("S01", "研发经费投入强度", "R&D intensity", "%", "INN.INP",
                    1.0, 6.5, Scale.LOG, true, 2, 0, 0.6, null),
            new Field("S02", "新发放小微企业贷款平均利率", "Average rate on new SME loans", "%", "FIN.LOAN",
                    3.5, 6.5, Scale.LINEAR, false, 2, 0, 0, null),
            new Field("S03", "普惠小微贷款余额增速", "Growth of inclusive SME loans", "%", "FIN.LOAN",
                    6, 34, Scale.LINEAR, true, 1, 0, 0, null),
            new Field("S04", "每万人高价值发明专利拥有量", "Invention patents per 10k people", "per 10k people", "INN.OUT",
                    4, 190, Scale.LOG, true, 1, 0, 0.7, null),
            new Field("S05", "信用贷款占普惠小微贷款比重", "Share of credit loans in SME loans", "%", "FIN.CRG",
                    12, 46, Scale.LINEAR, true, 1, 0, 0, null),
            new Field("S06", "创业投资和私募股权投资事件数", "VC and PE deals", "deals", "FIN.VC",
                    4, 3200, Scale.LOG, true, 0, 0.9, 0.7, null),
            new Field("S07", "每万名就业人员中研发人员数", "R&D personnel per 10k employed", "per 10k employed", "INN.HR",
                    35, 340, Scale.LOG, true, 1, 0, 0.6, null),
            // land is dearer in richer cities: a trade-off against development (negative loading)
            new Field("S08", "工业用地平均出让价格", "Average industrial land price", "yuan/m²", "MKT.FAC",
                    180, 2600, Scale.LOG, false, 0, 0.3, -1.0, null));

    static final List<WalkItem> WALK_ITEMS = List.of(
            new WalkItem("W01", "开办企业", "Business registration", "MKT.ACC", 0.80, 0.98, 5, 40),
            new WalkItem("W02", "网上纳税申报", "Online tax filing", "MKT.GOV", 0.50, 0.98, 0.6, 3.0),
            new WalkItem("W03", "水电气联合报装", "Utility connection application", "MKT.FAC", 0.80, 0.98, 8, 70),
            new WalkItem("W04", "惠企政策咨询", "Policy enquiry", "POL.IMP", 0.45, 0.95, 0.3, 24));

    /** Q01–Q20; the framework uses 12 of them, the rest are asked but not scored (as in a real questionnaire). */
    static final List<Question> QUESTIONS = List.of(
            new Question("Q01", "总体营商环境评价", "Overall business environment", "MKT.COM", 3.8, 0.01, false, false),
            new Question("Q02", "政务服务满意度", "Satisfaction with government services", "MKT.GOV", 3.9, 0.02, false, false),
            new Question("Q03", "招投标和政府采购中受到平等对待", "Equal treatment in bidding and procurement", "MKT.COM", 3.5, 0.08, false, false),
            new Question("Q04", "市场准入隐性壁垒", "Hidden barriers to market access", "MKT.ACC", 3.6, 0.05, false, false),
            new Question("Q05", "行政执法公正规范", "Fair administrative law enforcement", "LAW.ENF", 3.9, 0.03, false, false),
            new Question("Q06", "涉企检查规范", "Inspections coordinated and predictable", "LAW.ENF", 3.7, 0.04, false, false),
            new Question("Q07", "投诉维权渠道", "Complaint and redress channels", "LAW.REM", 3.6, 0.10, false, false),
            new Question("Q08", "司法保护信心", "Confidence in judicial protection", "LAW.JUD", 3.7, 0.06, false, false),
            new Question("Q09", "融资难度变化", "Change in financing difficulty", "FIN.SAT", 3.15, 0, true, true),
            new Question("Q10", "融资成本变化", "Change in financing cost", "FIN.SAT", 3.15, 0, true, true),
            new Question("Q11", "银行金融服务满意度", "Satisfaction with banks' services", "FIN.SAT", 3.7, 0.05, false, true),
            new Question("Q12", "账款按时支付", "Payments received on time", "POL.ARR", 3.4, 0.07, false, false),
            new Question("Q13", "招聘技术人才难易", "Ease of recruiting skilled staff", "INN.HR", 3.0, 0.08, false, false),
            new Question("Q14", "创新支持", "Support for innovation", "INN.PLT", 3.5, 0.12, false, false),
            new Question("Q15", "扶持政策知晓", "Awareness of support policies", "POL.AWR", 3.5, 0.01, false, false),
            new Question("Q16", "扶持政策满意度", "Satisfaction with support policies", "POL.SAT", 3.8, 0.06, false, false),
            new Question("Q17", "政策兑现便利", "Ease of claiming benefits", "POL.IMP", 3.4, 0.20, false, false),
            new Question("Q18", "用工成本", "Labour costs", "MKT.FAC", 2.9, 0.03, false, false),
            new Question("Q19", "数字化转型支持", "Support for digital transformation", "INN.INP", 3.3, 0.15, false, false),
            new Question("Q20", "明年经营预期", "Outlook for next year", "MKT.ENT", 3.4, 0.01, false, false));

    private static final Map<String, Double> REGION = Map.of(
            "east", 0.25, "central", 0.05, "west", -0.15, "northeast", -0.35);

    private final long seed;
    private final SampleEdition edition;
    private final Map<String, Double> devZ = new HashMap<>();
    private final Map<String, Double> sizeZ = new HashMap<>();
    private final Map<String, Double> latent2023 = new HashMap<>();   // city|sub
    private final Map<String, Double> change2024 = new HashMap<>();   // city|dim
    private final Map<String, double[]> standardise = new HashMap<>(); // series -> {mean, sd} of 2023

    SampleWorld(long seed) {
        this(seed, SampleEdition.KEY_CITIES_36);
    }

    /**
     * The world of an edition's cities. Development and size are standardised over them, so a city of the 36 does
     * not get the same values in the 50-city sample; its own draws (named by its code) are the same.
     */
    SampleWorld(long seed, SampleEdition edition) {
        this.seed = seed;
        this.edition = edition;
        List<City> cities = edition.cities();
        double[] dev = cities.stream().mapToDouble(City::development).toArray();
        double[] size = cities.stream().mapToDouble(c -> StrictMath.log(c.populationWan())).toArray();
        double[] devStd = standardised(dev);
        double[] sizeStd = standardised(size);
        for (int i = 0; i < cities.size(); i++) {
            City c = cities.get(i);
            devZ.put(c.code(), devStd[i]);
            sizeZ.put(c.code(), sizeStd[i]);
            SplittableRandom r = rng("profile", c.code());
            double overallChange = 0.15 + 0.22 * gaussian(r);
            Map<String, Double> dimEffect = new HashMap<>();
            for (String dim : List.of("MKT", "LAW", "FIN", "INN", "POL")) {
                dimEffect.put(dim, 0.6 * gaussian(r));
                change2024.put(c.code() + "|" + dim, overallChange + 0.15 * gaussian(r));
            }
            for (String sub : SUBS) {
                double base = 0.55 * devStd[i] + 0.15 * sizeStd[i] + REGION.get(c.region())
                        + dimEffect.get(dim(sub)) + 0.35 * gaussian(r);
                latent2023.put(c.code() + "|" + sub, base);
            }
        }
    }

    /** The 21 sub-dimensions the fields load on. */
    static final List<String> SUBS = List.of(
            "MKT.ACC", "MKT.FAC", "MKT.GOV", "MKT.ENT", "MKT.COM", "LAW.REM", "LAW.ENF", "LAW.JUD",
            "FIN.LOAN", "FIN.CRG", "FIN.VC", "FIN.SAT", "INN.PLT", "INN.HR", "INN.INP", "INN.OUT",
            "POL.ISS", "POL.IMP", "POL.AWR", "POL.SAT", "POL.ARR");

    private static String dim(String sub) {
        return sub.substring(0, sub.indexOf('.'));
    }

    /** Latent quality of a city on a sub-dimension in a year (higher is better). */
    double latent(City c, String sub, int year) {
        double l = latent2023.get(c.code() + "|" + sub);
        return year > BASE_YEAR ? l + change2024.get(c.code() + "|" + dim(sub)) : l;
    }

    /**
     * A series' standard score for a city and year: latent plus the series' own loadings and noise,
     * standardised with the 2023 cross-section (so 2024 shows the change). Higher is better.
     */
    double standardScore(City c, String series, String sub, double sizeLoad, double devExtra, int year) {
        double[] ms = standardise.computeIfAbsent(series, k -> {
            double[] xs = edition.cities().stream()
                    .mapToDouble(x -> raw(x, series, sub, sizeLoad, devExtra, BASE_YEAR)).toArray();
            return new double[]{mean(xs), sd(xs)};
        });
        return (raw(c, series, sub, sizeLoad, devExtra, year) - ms[0]) / ms[1];
    }

    /** The standard score mapped through the normal CDF to a percentile in (0, 1). */
    double percentile(City c, String series, String sub, double sizeLoad, double devExtra, int year) {
        double z = standardScore(c, series, sub, sizeLoad, devExtra, year);
        return 0.5 * (1 + Erf.erf(z / StrictMath.sqrt(2)));
    }

    private double raw(City c, String series, String sub, double sizeLoad, double devExtra, int year) {
        double persistent = 0.35 * gaussian(rng("series", series, c.code()));
        double yearly = 0.12 * gaussian(rng("series", series, c.code(), Integer.toString(year)));
        return latent(c, sub, year) + sizeLoad * sizeZ.get(c.code()) + devExtra * devZ.get(c.code())
                + persistent + yearly;
    }

    /** The value a city reports for a returns or statistics field in a year, rounded to the field's decimals. */
    double value(City c, Field f, int year) {
        if (f.scale() == Scale.YES_NO) {
            return yesNoZeros(f, year).contains(c.code()) ? 0 : 1;
        }
        double u = percentile(c, f.code(), f.sub(), f.sizeLoad(), f.devExtra(), year);
        return round(scaled(f.higherBetter() ? u : 1 - u, f.lo(), f.hi(), f.scale() == Scale.LOG), f.decimals());
    }

    private final Map<String, Set<String>> zeros = new HashMap<>();

    /** Cities answering "no" (0) on a yes/no field: the weakest in 2023, then the weakest of those in 2024. */
    private Set<String> yesNoZeros(Field f, int year) {
        String key = f.code() + "|" + year;
        Set<String> known = zeros.get(key);
        if (known != null) {
            return known;
        }
        List<City> pool = new ArrayList<>(edition.cities());
        int count = edition.yesNoZeros(f, 0);
        if (year > BASE_YEAR) {
            Set<String> before = yesNoZeros(f, BASE_YEAR);
            pool.removeIf(c -> !before.contains(c.code()));
            count = edition.yesNoZeros(f, 1);
        }
        pool.sort(Comparator.comparingDouble(
                        (City c) -> percentile(c, f.code(), f.sub(), f.sizeLoad(), f.devExtra(), year))
                .thenComparing(City::code));
        Set<String> out = new HashSet<>();
        pool.subList(0, count).forEach(c -> out.add(c.code()));
        zeros.put(key, out);
        return out;
    }

    /** lo..hi at percentile g (0 → lo, 1 → hi), linearly or geometrically. */
    static double scaled(double g, double lo, double hi, boolean log) {
        return log ? lo * StrictMath.pow(hi / lo, g) : lo + (hi - lo) * g;
    }

    static double round(double x, int decimals) {
        return new java.math.BigDecimal(Double.toString(x))
                .setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** A random stream named by labels, independent of every other named stream. */
    SplittableRandom rng(String... labels) {
        long h = seed;
        for (String label : labels) {
            h = mix(h * 31 + label.hashCode());
        }
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Standard normal draw by Box–Muller with StrictMath, so values are identical on every JVM. */
    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();     // (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static double[] standardised(double[] xs) {
        double m = mean(xs);
        double s = sd(xs);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = (xs[i] - m) / s;
        }
        return out;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double sd(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return StrictMath.sqrt(s / (xs.length - 1));
    }
}
