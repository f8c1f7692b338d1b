package org.bizenv.report.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bizenv.report.ReportFixtures.FIN;
import static org.bizenv.report.ReportFixtures.INDEX;
import static org.bizenv.report.ReportFixtures.MKT;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportFixtures;
import org.bizenv.report.RobustnessSection;
import org.bizenv.report.SamplingRows;
import org.junit.jupiter.api.Test;

/** The cards of the hand-made four-city report ({@link ReportFixtures}), every number checked by hand. */
class CityCardsTest {

    private static final double EPS = 1e-12;

    @Test
    void oneCardPerRankedUnitBestFirstWithTheReportsHeadline() {
        List<CityCard> cards = CityCards.of(ReportFixtures.sample());

        assertThat(cards).extracting(CityCard::unit).containsExactly("shanghai", "beijing", "chengdu", "wuhan");
        var beijing = cards.get(1);
        assertThat(beijing.name()).isEqualTo(new Names("北京", "Beijing"));
        var h = beijing.headline();
        assertThat(h.score()).isEqualTo(INDEX[0]);
        assertThat(h.rank()).isEqualTo(2);
        assertThat(h.ranked()).isEqualTo(4);
        assertThat(h.tier()).isEqualTo(2);
        assertThat(h.tierName()).isEqualTo(new Names("第二梯队", "Tier 2"));
        assertThat(h.previousScore()).isEqualTo(70.1);
        assertThat(h.previousRank()).isEqualTo(1);
        assertThat(h.scoreChange()).isEqualTo(INDEX[0] - 70.1);
        assertThat(h.rankChange()).isEqualTo(-1);
        assertThat(beijing.edition().synthetic()).isTrue();
        assertThat(beijing.edition().previousYear()).isEqualTo(2023);
        // chengdu is new: no previous result
        assertThat(cards.get(2).headline().rankChange()).isNull();
        assertThat(cards.get(2).headline().scoreChange()).isNaN();
    }

    @Test
    void dimensionsCarryTheCitysScoreRankTheMedianAndTheBestCity() {
        var beijing = CityCards.of(ReportFixtures.sample(), "beijing");

        var mkt = beijing.dimensions().get(0);
        assertThat(mkt.code()).isEqualTo("MKT");
        assertThat(mkt.score()).isEqualTo(56.25);
        assertThat(mkt.rank()).isEqualTo(3);
        assertThat(mkt.ranked()).isEqualTo(4);
        assertThat(mkt.median()).isEqualTo((56.25 + 62.5) / 2);
        assertThat(mkt.best()).isEqualTo(93.75);
        assertThat(mkt.bestUnit()).isEqualTo("shanghai");
        assertThat(mkt.bestName()).isEqualTo(new Names("上海", "Shanghai"));
        var fin = beijing.dimensions().get(1);
        assertThat(fin.score()).isEqualTo(75);
        assertThat(fin.rank()).isEqualTo(2);
        assertThat(fin.median()).isCloseTo((FIN[2] + FIN[0]) / 2, within(EPS));
        assertThat(fin.gapToMedian()).isCloseTo(75 - (FIN[2] + FIN[0]) / 2, within(EPS));
        assertThat(fin.best()).isEqualTo(FIN[1]);
    }

    @Test
    void strongestAndWeakestIndicatorsByRankInTheirOwnUnitsNeverTheSameOneTwice() {
        var wuhan = CityCards.of(ReportFixtures.sample(), "wuhan");

        // wuhan ranks 4, 4, 4, 3 on MKT.1, MKT.2, FIN.1, FIN.2: four indicators are shared two and two
        assertThat(wuhan.strongest()).extracting(CityCard.IndicatorLine::code).containsExactly("FIN.2", "MKT.1");
        assertThat(wuhan.weakest()).extracting(CityCard.IndicatorLine::code).containsExactly("FIN.1", "MKT.2");
        var vc = wuhan.strongest().get(0);
        assertThat(vc.rank()).isEqualTo(3);
        assertThat(vc.ranked()).isEqualTo(4);
        assertThat(vc.measure()).isEqualTo("per million people");
        // its value was imputed: the card shows the imputed value, flagged
        assertThat(vc.value()).isEqualTo(100.0 / 3);
        assertThat(vc.imputed()).isTrue();
        assertThat(vc.median()).isCloseTo((100.0 / 3 + 40) / 2, within(EPS));
        assertThat(vc.gapToMedian()).isCloseTo(100.0 / 3 - (100.0 / 3 + 40) / 2, within(EPS));
        assertThat(vc.best()).isEqualTo(45);
        assertThat(vc.bestUnit()).isEqualTo("beijing");
        assertThat(vc.betterThanMedian()).isFalse();
        // lower is better: 6 days against a median of 4.25 is 1.75 days worse
        var days = wuhan.strongest().get(1);
        assertThat(days.value()).isEqualTo(6.0);
        assertThat(days.median()).isEqualTo(4.25);
        assertThat(days.gapToMedian()).isEqualTo(1.75);
        assertThat(days.direction()).isEqualTo(-1);
        assertThat(days.betterThanMedian()).isFalse();
        assertThat(days.best()).isEqualTo(2.0);
        assertThat(days.bestUnit()).isEqualTo("shanghai");
        var shanghaiDays = CityCards.of(ReportFixtures.sample(), "shanghai").strongest().get(0);
        assertThat(shanghaiDays.code()).isEqualTo("MKT.1");
        assertThat(shanghaiDays.betterThanMedian()).isTrue();
    }

    @Test
    void imputedTreatedAndThinSampleValuesAreNamedFromTheReportsRecords() {
        Report r = ReportFixtures.sample();

        var wuhan = CityCards.of(r, "wuhan").data();
        assertThat(wuhan.imputed()).containsExactly(new CityCard.Flag("FIN.2",
                new Names("创投机构数", "Venture capital firms"),
                new Names("缺失，已用均值插补（mean）", "missing, imputed (mean)")));
        assertThat(wuhan.treated()).isEmpty();
        assertThat(wuhan.thinSample()).isEmpty();
        var chengdu = CityCards.of(r, "chengdu").data();
        assertThat(chengdu.imputed()).isEmpty();
        assertThat(chengdu.treated()).extracting(CityCard.Flag::indicator).containsExactly("MKT.2");
        assertThat(chengdu.treated().get(0).detail().en())
                .isEqualTo("an extreme value, pulled in by the outlier rule (coinr (kurtosis 3.5, skew 2))");
        assertThat(chengdu.thinSample()).containsExactly(new CityCard.Flag("FIN.1",
                new Names("融资满意度", "Financing satisfaction"),
                new Names("问卷Q07仅有350份有效回答，低于最低样本量400",
                        "only 350 valid answers to survey question Q07, under the minimum of 400")));
        assertThat(CityCards.of(r, "beijing").data().none()).isTrue();
    }

    /**
     * The sample ranked within groups: shanghai and beijing municipalities (group ranks 1, 2), chengdu and wuhan in a
     * group the engine has no name for (1, 2); tiers within the groups as the report states them.
     */
    private static Report rankedInGroups() {
        Report base = ReportFixtures.sample();
        var m = base.meta();
        var meta = new Report.Meta(m.schemaVersion(), m.engineVersion(), m.frameworkId(), m.frameworkName(),
                m.frameworkVersion(), m.frameworkFile(), m.frameworkSha256(), m.year(), m.generatedAt(),
                m.synthetic(), m.decimals(), m.compareRounded(), m.tierMethod(), m.tierNames(), m.previousYear(),
                m.sources(), m.parameters(), "type", 10, List.of());
        var group = java.util.Map.of("shanghai", "municipality", "beijing", "municipality", "chengdu", "west-hub",
                "wuhan", "west-hub");
        var groupRank = java.util.Map.of("shanghai", 1, "beijing", 2, "chengdu", 1, "wuhan", 2);
        var groupTier = java.util.Map.of("shanghai", 1, "beijing", 3, "chengdu", 1, "wuhan", 3);
        List<Report.RankingRow> rows = new ArrayList<>();
        for (var r : base.ranking()) {
            rows.add(new Report.RankingRow(r.unit(), r.score(), r.rank(), r.tier(), r.dimensionScores(),
                    r.dimensionRanks(), r.previousScore(), r.previousRank(), r.scoreChange(), r.rankChange(),
                    r.previousDimensionScores(), r.previousDimensionRanks(), group.get(r.unit()),
                    groupRank.get(r.unit()), groupTier.get(r.unit()), new int[] {1, 1}));
        }
        return new Report(meta, base.units(), base.nodes(), base.indicators(), rows, base.top(), base.stages(),
                base.weights(), base.treatment(), base.groupMeans(), base.improvement(), base.methodology(),
                base.warnings(), base.thinSamples(), base.coherence());
    }

    @Test
    void aCardOfAReportRankedInGroupsNamesTheGroupAndTheTierWithinIt() {
        Report r = rankedInGroups();

        var beijing = CityCards.of(r, "beijing").headline();
        assertThat(beijing.grouping()).isEqualTo("type");
        assertThat(beijing.group()).isEqualTo("municipality");
        assertThat(beijing.groupRank()).isEqualTo(2);
        assertThat(beijing.groupRanked()).isEqualTo(2);
        assertThat(beijing.groupName()).isEqualTo(new Names("直辖市", "Municipality"));
        assertThat(beijing.groupTier()).isEqualTo(3);
        assertThat(beijing.groupTierName()).isEqualTo(new Names("第三梯队", "Tier 3"));
        // overall tier 2 of 4 cities, tier 3 within its group of two: the two are not the same thing
        assertThat(beijing.tier()).isEqualTo(2);
        assertThat(CardText.groupRank(beijing)).isEqualTo(
                "组内第 2 名（共 2 个，直辖市），组内第三梯队 Rank 2 of 2 in its group (Municipality), Tier 3 within the group");

        // a group value the engine has no name for is shown as it is, in both languages
        var chengdu = CityCards.of(r, "chengdu").headline();
        assertThat(chengdu.groupName()).isEqualTo(new Names("west-hub", "west-hub"));
        assertThat(CardText.groupRank(chengdu)).isEqualTo(
                "组内第 1 名（共 2 个，west-hub），组内第一梯队 Rank 1 of 2 in its group (west-hub), Tier 1 within the group");

        // a report ranked in one list: no group, no group tier, no line
        var plain = CityCards.of(ReportFixtures.sample(), "beijing").headline();
        assertThat(plain.groupName()).isNull();
        assertThat(plain.groupTier()).isZero();
        assertThat(plain.groupTierName()).isNull();
        assertThat(CardText.groupRank(plain)).isNull();
    }

    @Test
    void theCardSheetShowsTheGroupLineUnderTheHeadline() throws Exception {
        var card = CityCards.of(rankedInGroups(), "shanghai");
        var out = new java.io.ByteArrayOutputStream();
        new CityCardWriter().write(List.of(card), "2024-11-30T08:00:00Z", out);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            List<String> texts = new ArrayList<>();
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }));
            assertThat(texts).contains("组内第 1 名（共 2 个，直辖市），组内第一梯队 Rank 1 of 2 in its group "
                    + "(Municipality), Tier 1 within the group");
        }
    }

    @Test
    void thinSamplesComeFromTheRecordNotFromTheWarningsText() {
        Report base = ReportFixtures.sample();
        // a warning worded like a thin sample, without the record: not a flag
        List<Names> warnings = new ArrayList<>(base.warnings());
        warnings.add(new Names("指标 FIN.1：武汉（Wuhan）对 Q07 的有效回答只有 300 份，少于最低样本量 400",
                "indicator FIN.1: Wuhan (武汉) has 300 valid answers to Q07, under the minimum sample of 400"));
        Report r = new Report(base.meta(), base.units(), base.nodes(), base.indicators(), base.ranking(), base.top(),
                base.stages(), base.weights(), base.treatment(), base.groupMeans(), base.improvement(),
                base.methodology(), warnings, List.of(new Report.ThinSampleInfo("beijing", "MKT.1", "Q01", 12, 30)),
                base.coherence());

        assertThat(CityCards.of(r, "wuhan").data().thinSample()).isEmpty();
        assertThat(CityCards.of(r, "chengdu").data().thinSample()).isEmpty();
        assertThat(CityCards.of(r, "beijing").data().thinSample()).containsExactly(new CityCard.Flag("MKT.1",
                new Names("开办企业时间", "Time to start a business"),
                new Names("问卷Q01仅有12份有效回答，低于最低样本量30",
                        "only 12 valid answers to survey question Q01, under the minimum of 30")));
    }

    @Test
    void eachDimensionsChangeSinceLastYearIsTheReportsAndAMissingDimensionIsSaidNotGuessed() {
        var beijing = CityCards.of(ReportFixtures.sample(), "beijing");

        var mkt = beijing.dimensions().get(0);
        assertThat(mkt.previousScore()).isEqualTo(60.0);
        assertThat(mkt.previousRank()).isEqualTo(2);
        assertThat(mkt.scoreChange()).isEqualTo(56.25 - 60.0);
        assertThat(mkt.rankChange()).isEqualTo(2 - 3);
        var fin = beijing.dimensions().get(1);
        assertThat(fin.previousScore()).isNaN();
        assertThat(fin.previousRank()).isZero();
        assertThat(fin.scoreChange()).isNaN();
        assertThat(fin.rankChange()).isNull();
        assertThat(beijing.changeNote()).isEqualTo(new Names("上年结果没有融资环境的得分，故不显示其较上年的变化。",
                "Last year's results have no scores on Financing environment, so no change since last year is "
                        + "shown for it."));
        // shanghai moved neither up nor down on MKT; chengdu is new
        var shanghai = CityCards.of(ReportFixtures.sample(), "shanghai").dimensions().get(0);
        assertThat(shanghai.scoreChange()).isEqualTo(93.75 - 90.0);
        assertThat(shanghai.rankChange()).isZero();
        var chengdu = CityCards.of(ReportFixtures.sample(), "chengdu").dimensions().get(0);
        assertThat(chengdu.scoreChange()).isNaN();
        assertThat(chengdu.rankChange()).isNull();
        // without last year's results there is nothing to explain
        assertThat(CityCards.of(ReportFixtures.firstEdition(), "beijing").changeNote()).isNull();
    }

    @Test
    void theMeaningSentenceNamesTheScaleTheCitiesAndTheAggregation() {
        var card = CityCards.of(ReportFixtures.sample(), "beijing");

        assertThat(card.meaning().en()).isEqualTo("How to read this card: Scores run from 0 to 100 and show how the "
                + "city does relative to the 4 cities evaluated, not an absolute level; each indicator is turned into "
                + "a score (the better, the higher) and combined with weights level by level, the index being the "
                + "weighted arithmetic mean of the 2 dimension scores. Rank 1 is best.");
        assertThat(card.meaning().zh()).startsWith("怎么读这张卡：各项得分在0–100之间，表示本市在本次参评的4个城市中的相对表现")
                .contains("综合指数是2个维度得分的加权算术平均");
    }

    @Test
    void withoutTheRobustnessAnalysisTheCardSaysSo() {
        var k = CityCards.of(ReportFixtures.sample(), "beijing").certainty();

        assertThat(k.analysed()).isFalse();
        assertThat(k.rankP05()).isNaN();
        assertThat(k.band().en()).isEqualTo("The robustness analysis was off for this run (--no-robustness), so this "
                + "card gives no rank band and no rank-reversal margin.");
        assertThat(k.nearestReversal()).isNull();
        assertThat(k.otherReversal()).isNull();
    }

    @Test
    void theRankBandIsTheReportsWidenedToWholeRanksAndTheNearestReversalComesFirst() {
        Report r = withRobustness(ReportFixtures.sample());

        var k = CityCards.of(r, "beijing").certainty();
        assertThat(k.analysed()).isTrue();
        assertThat(k.runs()).isEqualTo(500);
        assertThat(k.rankP05()).isEqualTo(1.45);
        assertThat(k.rankP95()).isEqualTo(3.0);
        assertThat(k.band().en()).isEqualTo("Re-calculated 500 times with each weight moved at random by up to ±25 %, "
                + "Beijing ranked between 1st and 3rd in 90 % of the runs. It stayed in Tier 2 in 62 % of them. The "
                + "narrower the band, the less the rank depends on the choice of weights.");
        assertThat(k.band().zh()).startsWith("在500次重新计算中（每个权重随机上下浮动至多25%），北京有90%的次数排在第1至第3名之间。"
                + "留在第二梯队的比例为62%。");
        assertThat(k.nearestReversal().en()).isEqualTo("Beijing stays ahead of Chengdu unless …");
        assertThat(k.otherReversal().en()).isEqualTo("Shanghai stays ahead of Beijing unless …");
        // the leader has only one neighbour
        var top = CityCards.of(r, "shanghai").certainty();
        assertThat(top.nearestReversal().en()).isEqualTo("Shanghai stays ahead of Beijing unless …");
        assertThat(top.otherReversal()).isNull();
        assertThat(top.band().en()).contains("Shanghai ranked 1st in 90 % of the runs.");
        // no uncertainty row for a unit: no band, and the card says why
        assertThat(CityCards.of(r, "wuhan").certainty().band().en()).isEqualTo("The robustness analysis ran without "
                + "its uncertainty simulation, so no rank band can be given.");
    }

    @Test
    void anInconsistentReportIsRejectedNamingTheElement() {
        Report base = ReportFixtures.sample();
        var nodes = new ArrayList<>(base.nodes());
        var mkt = nodes.get(1);
        nodes.set(1, new Report.NodeInfo(mkt.code(), mkt.parent(), mkt.name(), mkt.depth(), mkt.aggregation(),
                mkt.weighting(), mkt.weight(), mkt.effectiveWeight(), new double[] {1, 2}, mkt.ranks()));
        Report broken = new Report(base.meta(), base.units(), nodes, base.indicators(), base.ranking(), base.top(),
                base.stages(), base.weights(), base.treatment(), base.groupMeans(), base.improvement(),
                base.methodology(), base.warnings(), base.coherence());

        assertThatThrownBy(() -> CityCards.of(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent report: node MKT scores must have 4 values, has 2");
        assertThatThrownBy(() -> CityCards.of(base, "lhasa")).hasMessage("no ranked unit 'lhasa' in the report");
    }

    @Test
    void ordinalsAndMedians() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)).extracting(SamplingRows::ordinal)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
                        "111th");
        assertThat(org.bizenv.robustness.Percentiles.median(new double[] {3, Double.NaN, 1, 2})).isEqualTo(2);
        assertThat(org.bizenv.robustness.Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(org.bizenv.robustness.Percentiles.median(new double[] {Double.NaN})).isNaN();
    }

    /** The fixture with an uncertainty row for three of its units and the reversals of its nominal neighbours. */
    static Report withRobustness(Report r) {
        var settings = new RobustnessSection.Settings(1, 500, "uniform:0.25", 0, 0, "L1", List.of());
        var rows = List.of(
                row("shanghai", 1, 1, 1, new double[] {0.97, 0.03, 0, 0}),
                row("beijing", 2, 1.45, 3, new double[] {0.2, 0.62, 0.18, 0}),
                row("chengdu", 3, 2, 4, new double[] {0, 0.3, 0.6, 0.1}));
        var uncertainty = new RobustnessSection.UncertaintyTable(500, 1, "w·(1 + U(−1, 1)·0.25)", List.of(), "R type 7", 2,
                rows);
        var reversals = List.of(
                reversal("shanghai", 1, "beijing", 2, 0.2, "Shanghai stays ahead of Beijing unless …"),
                reversal("beijing", 2, "chengdu", 3, 0.05, "Beijing stays ahead of Chengdu unless …"),
                reversal("chengdu", 3, "wuhan", 4, 0.4, "Chengdu stays ahead of Wuhan unless …"));
        var section = new RobustnessSection(settings, List.of(), uncertainty, null, null, reversals, null);
        return r.withRobustness(section, List.of());
    }

    private static RobustnessSection.UncertaintyRow row(String unit, int rank, double p05, double p95,
                                                        double[] tiers) {
        return new RobustnessSection.UncertaintyRow(unit, 50, rank, rank, rank, p05, p95, (int) p05, (int) p95, 0.1,
                0.5, tiers, 500);
    }

    private static RobustnessSection.Reversal reversal(String ahead, int aheadRank, String behind, int behindRank,
                                                       double margin, String en) {
        return new RobustnessSection.Reversal("INDEX", ahead, aheadRank, behind, behindRank, 1, "L1", "SWAP", true,
                margin, margin / 2, new String[] {"MKT", "FIN"}, new double[] {0.5, 0.5},
                new double[] {0.5 - margin / 2, 0.5 + margin / 2}, new double[] {-margin / 2, margin / 2},
                new Names("中文 " + en, en));
    }
}
