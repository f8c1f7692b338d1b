package org.bizenv.survey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bizenv.city.UnitIdentity;
import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.Tables;
import org.bizenv.ingest.TextEncoding;

/**
 * One year's answers to one survey source of a framework, tallied per unit. Rows are read ({@link #next()}), checked
 * ({@link #validate}) and counted ({@link #add}) one at a time, by the job's chunk step or by {@link #readAll()};
 * {@link #indicators()} then turns the tallies into the survey indicators' unit values. Plain Java; every problem goes
 * to the {@link Problems} given. One tally per file and pass; {@link #validate} is thread-safe, the rest is not.
 */
public final class SurveyTally implements AutoCloseable {

    private final Framework framework;
    private final Source source;
    private final UnitResolver resolver;
    private final boolean lastYear;
    private final Problems problems;
    private final SurveyReader reader;
    /** Opens the file anew: for the second read that settles suspected duplicate respondents. */
    private final Supplier<SurveyReader> reopen;
    private final SurveyValidator validator;
    private final SurveyAggregator aggregator;
    /** The answers in respondent form, for the survey bootstrap (distinct answer vectors with counts). */
    private final SurveyPatterns.Tally patterns;
    private boolean read;

    /**
     * Opens the source's file in a year's data folder.
     *
     * @param lastYear name the file with the year's folder ({@code 2023/survey.csv}) in problems, and say "last year" in
     *                 warnings, so that last year's findings are never mistaken for this year's
     */
    public SurveyTally(Framework framework, Source source, Path data, boolean lastYear, UnitResolver resolver,
                       Problems problems) {
        this(framework, source, data, lastYear, resolver, problems, false);
    }

    /**
     * As above; with {@code keepPatterns} the valid rows are also kept as answer patterns ({@link #patterns()}), the
     * survey bootstrap's sample. Only then: a pattern costs memory per distinct respondent, the tallies do not.
     */
    public SurveyTally(Framework framework, Source source, Path data, boolean lastYear, UnitResolver resolver,
                       Problems problems, boolean keepPatterns) {
        this(framework, source, data, lastYear, resolver, problems, keepPatterns, CsvRecords.Range.WHOLE);
    }

    /**
     * As above, for the rows of one part of the file ({@link #split}): a partition of the survey step. Its counts,
     * respondents and problems go to the merge as a {@link Part}; repeated respondents are settled there, over all
     * parts ({@link #merged}).
     */
    public SurveyTally(Framework framework, Source source, Path data, boolean lastYear, UnitResolver resolver,
                       Problems problems, boolean keepPatterns, CsvRecords.Range part) {
        this.framework = framework;
        this.source = source;
        this.resolver = resolver;
        this.lastYear = lastYear;
        this.problems = problems;
        List<String> questions = questions(framework, source);
        TextEncoding encoding = TextEncoding.ofKey(source.encoding());
        // a .csv file or an .xlsx sheet, the tally does not care which; a part is of a CSV file ({@link #split})
        this.reopen = () -> SurveyReader.open(folder(data, lastYear), file(data, source, lastYear), source.sheet(),
                questions, source.columns(), encoding, resolver);
        this.reader = part.equals(CsvRecords.Range.WHOLE) ? reopen.get()
                : new SurveyCsvReader(folder(data, lastYear), file(data, source, lastYear), questions, source.columns(),
                        encoding, resolver, part);
        this.validator = new SurveyValidator(reader.layout(), resolver,
                source.notApplicable().stream().mapToInt(Integer::intValue).toArray(), problems);
        this.aggregator = new SurveyAggregator(questions, resolver.expectedCodes());
        this.patterns = keepPatterns ? new SurveyPatterns.Tally(source.id(), questions, resolver.expectedCodes(),
                sizeMix(source), source.minSample()) : null;
    }

    /**
     * The source's file in a year's data folder cut into at most {@code parts} parts of whole records
     * ({@link SurveySplit}); one part when the file cannot be read (that is then reported by the part's tally) or is a
     * workbook (.xlsx: its rows are found only by reading the sheet's XML, so it is not cut).
     */
    public static List<CsvRecords.Range> split(Framework framework, Source source, Path data, UnitResolver resolver,
                                               int parts) {
        if (Tables.isWorkbook(source.path())) {
            return List.of(CsvRecords.Range.WHOLE);          // a sheet is read by one partition, streamed
        }
        try (SurveyCsvReader r = new SurveyCsvReader(data, source.path(), questions(framework, source),
                source.columns(), TextEncoding.ofKey(source.encoding()), resolver)) {
            return SurveySplit.split(data.resolve(source.path()), r.encoding(), r.separator(), parts);
        }
    }

    /** The folder a year's file is named from: the data folder, or for last year's its parent ({@code 2023/…}). */
    private static Path folder(Path data, boolean lastYear) {
        return lastYear ? data.getParent() : data;
    }

    private static String file(Path data, Source source, boolean lastYear) {
        return lastYear ? data.getFileName() + "/" + source.path() : source.path();
    }

    /**
     * What one part of a file gave (a partition of the survey step), kept between steps until the merge.
     *
     * @param counts      the tallies of its valid rows
     * @param respondents its respondent ids' distinct fingerprints, 8 bytes each
     * @param suspects    the fingerprints it saw more than once
     * @param problems    what its rows showed (the header's and the file's: the first part's), sorted
     * @param stopped     its reading stopped before the part's end (a byte that is not text…): later parts' rows were
     *                    never reached in a reading of the whole file, so their problems are left out
     * @param patterns    its answer patterns when the survey bootstrap needs them, else null
     * @param unitRows    its rows per unit their city names (usable or not), by code: summed by the merge, so the rows
     *                    a framework skips as outside its part of the registry are counted the same in any partitions
     */
    public record Part(SurveyAggregator.Counts counts, byte[] respondents, long[] suspects, List<DataProblem> problems,
                       boolean stopped, SurveyPatterns patterns, Map<String, Long> unitRows) {

        public Part {
            unitRows = unitRows == null ? Map.of() : unitRows;      // absent from older workspaces
        }
    }

    /** This tally's part, once its rows are all read and counted; {@code found} holds the problems it reported. */
    public Part part(Problems found) {
        if (!read) {
            throw new IllegalStateException("the part's rows are not all read yet");
        }
        return new Part(aggregator.counts(), validator.respondentFingerprints(), validator.suspectFingerprints(),
                found.sorted(), reader.stopped(), patterns == null ? null : patterns.build(), validator.unitRows());
    }

    /**
     * The tally of the whole file from its parts' tallies, in the parts' order (the file's): counts summed (integers,
     * so in any order the same), respondent tables merged, problems taken up to the first part whose reading stopped;
     * then {@link #indicators()} as after one reading of the file (the suspects settled by reading it once more).
     */
    public static SurveyTally merged(Framework framework, Source source, Path data, boolean lastYear,
                                     UnitResolver resolver, Problems problems, boolean keepPatterns,
                                     Iterable<Part> parts) {
        SurveyTally t = new SurveyTally(framework, source, data, lastYear, resolver, problems, keepPatterns);
        t.read = true;
        t.reader.close();
        for (Part p : parts) {
            t.aggregator.add(p.counts());
            t.validator.addRespondents(p.respondents(), p.suspects());
            t.validator.addUnitRows(p.unitRows());
            if (t.patterns != null) {
                t.patterns.addAll(p.patterns());
            }
            problems.addAll(p.problems());
            if (p.stopped()) {
                break;
            }
        }
        return t;
    }

    /** The framework's survey sources that some indicator reads (a source no indicator asks for is not read). */
    public static List<Source> sources(Framework fw) {
        return fw.sources().stream().filter(s -> s.type().equals("survey"))
                .filter(s -> fw.indicators().stream().anyMatch(i -> i.source().equals(s.id()))).toList();
    }

    /** The questions a source's indicators ask, each once, in framework order. */
    static List<String> questions(Framework fw, Source source) {
        return fw.indicators().stream().filter(i -> i.source().equals(source.id())).map(Indicator::field).distinct()
                .toList();
    }

    public Source source() {
        return source;
    }

    /** The file as problems name it: {@code survey.csv}, or {@code 2023/survey.csv} for last year's (likewise .xlsx). */
    public String file() {
        return reader.layout().file();
    }

    /** The next row of the file, or null at its end (the reader's problems are then added). */
    public SurveyResponse next() {
        if (read) {
            return null;
        }
        SurveyResponse r = reader.next();
        if (r == null) {
            read = true;
            problems.addAll(reader.problems());
            reader.close();
        }
        return r;
    }

    /** The row checked (its problems added), or null when its unit or size class is unusable. */
    public ValidResponse validate(SurveyResponse row) {
        return validator.validate(row);
    }

    /** Counts a valid row's answers. */
    public void add(ValidResponse row) {
        aggregator.add(row);
        if (patterns != null) {
            patterns.add(row);
        }
    }

    /** The valid rows as answer patterns per unit and size class, with their counts (the bootstrap's sample). */
    public SurveyPatterns patterns() {
        if (patterns == null) {
            throw new IllegalStateException("this tally was opened without keeping answer patterns");
        }
        return patterns.build();
    }

    /**
     * Reads, checks and counts every row: what the job's chunk step does, in one loop. Repeated respondents are
     * reported by {@link #indicators()}, as at the job's step end.
     */
    public SurveyTally readAll() {
        for (SurveyResponse r = next(); r != null; r = next()) {
            ValidResponse v = validate(r);
            if (v != null) {
                add(v);
            }
        }
        return this;
    }

    /**
     * The survey indicators' unit values, in framework order, with how each was computed. A unit without one valid
     * answer (with a registry: each of its cities; without: each unit the file names), or a file without any, is a
     * problem unless the source says {@code missing-units: missing}: its indicators would be silently missing. First the
     * repeated respondents are confirmed (all rows are validated by then; {@link SurveyValidator#confirmDuplicates}).
     */
    public SurveyIndicators indicators() {
        validator.confirmDuplicates(reopen);
        SurveyResults res = aggregator.results(sizeMix(source), source.minSample());
        List<String> units = res.units();
        if (readable() && !source.missingUnitsAllowed()) {
            checkEveryUnitAnswered(res);
        }
        int m = framework.indicators().size();
        double[][] values = new double[m][units.size()];
        String[][] provenance = new String[m][units.size()];
        List<Names> warnings = new ArrayList<>();
        List<ThinSample> thin = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Indicator ind = framework.indicators().get(j);
            Arrays.fill(values[j], Double.NaN);
            if (!ind.source().equals(source.id())) {
                continue;
            }
            for (int i = 0; i < units.size(); i++) {
                String u = units.get(i);
                int n = res.n(u, ind.field());
                values[j][i] = res.statistic(ind.statistic(), u, ind.field());
                provenance[j][i] = source.path() + ": " + ind.field() + " " + ind.statistic() + ", n = " + n
                        + (source.sizeMix().isEmpty() ? "" : " (weighted to the size mix)");
                if (res.lowSample(u, ind.field())) {
                    ThinSample t = new ThinSample(u, ind.code(), ind.field(), n, source.minSample());
                    thin.add(t);
                    warnings.add(warning(t));
                }
            }
        }
        return new SurveyIndicators(units, values, provenance, warnings, thin, validator.unitRows());
    }

    /**
     * The survey indicators' detail: each value's standard error and 95 % interval, and the values by size class and
     * by industry with their numbers of answers ({@link SurveyDetail}). Call after {@link #indicators()}.
     */
    public SurveyDetail detail() {
        double[] mix = sizeMix(source);
        SurveyResults res = aggregator.results(mix, source.minSample());
        // a group is part of a city's firms: held to its own floor (breakdown-min-sample), not the city's
        SurveyBreakdown breakdown = aggregator.breakdown(mix, source.breakdownMinSample());
        List<Indicator> mine = framework.indicators().stream().filter(i -> i.source().equals(source.id())).toList();
        return SurveyDetail.of(source.id(), res, breakdown, mine.stream().map(Indicator::code).toList(),
                mine.stream().map(Indicator::field).toList(), mine.stream().map(Indicator::statistic).toList());
    }

    /** The thin sample in words, each language naming the unit in its own first ("拉萨（Lhasa）", "Lhasa (拉萨)"). */
    private Names warning(ThinSample t) {
        UnitIdentity unit = identity(t.unit());
        String zh = unit == null ? t.unit() : unit.labelZh();
        String en = unit == null ? t.unit() : unit.label();
        return new Names((lastYear ? "上年：" : "") + "指标 " + t.indicator() + "：" + zh + " 对 " + t.question()
                + " 的有效回答只有 " + t.answers() + " 份，少于最低样本量 " + t.minimum(),
                (lastYear ? "last year: " : "") + "indicator " + t.indicator() + ": " + en + " has " + t.answers()
                        + " valid answers to " + t.question() + ", under the minimum sample of " + t.minimum());
    }

    /** Whether the file could be read at all (found, with its header's identity columns): else that is the problem. */
    private boolean readable() {
        SurveyLayout l = reader.layout();
        return l.respondentIdColumn() > 0 && l.cityColumn() > 0 && l.sizeColumn() > 0 && l.industryColumn() > 0;
    }

    private void checkEveryUnitAnswered(SurveyResults res) {
        List<String> silent = new ArrayList<>();
        for (String u : res.units()) {
            int n = 0;
            for (String q : res.questions()) {
                n += res.n(u, q);
            }
            if (n == 0) {
                silent.add(u);
            }
        }
        Location file = Location.ofFile(file());
        String remedy = "; add the answers, or say 'missing-units: missing' on source '" + source.id()
                + "' to score without them";
        if (silent.size() == res.units().size()) {
            problems.add(file, "no valid survey answers at all (no row with a known " + resolver.noun() + ", a size "
                    + "class and an answer): every survey indicator would be missing" + remedy);
            return;
        }
        for (String u : silent) {
            problems.about(u).add(file, "no valid answers from " + label(u) + ": its survey indicators would be missing"
                    + remedy);
        }
    }

    /** Distinct respondent ids held so far, and the bytes of their table (the memory benchmark's figures). */
    public int respondents() {
        return validator.respondents();
    }

    public long respondentBytes() {
        return validator.respondentBytes();
    }

    @Override
    public void close() {
        reader.close();
    }

    /** "Lhasa (拉萨)" where a registry knows the unit, else its code. */
    private String label(String unit) {
        UnitIdentity u = identity(unit);
        return u == null ? unit : u.label();
    }

    /** The unit as the registry knows it, or null. */
    private UnitIdentity identity(String unit) {
        for (UnitIdentity u : resolver.expectedUnits()) {
            if (u.code().equals(unit)) {
                return u;
            }
        }
        return null;
    }

    /** Population weights of the size classes; without a stated mix the classes weigh equally. */
    static double[] sizeMix(Source source) {
        double[] mix = new double[SizeClass.values().length];
        for (SizeClass s : SizeClass.values()) {
            mix[s.ordinal()] = source.sizeMix().getOrDefault(s.key(), 0.0);
        }
        if (source.sizeMix().isEmpty()) {
            Arrays.fill(mix, 1.0);
        }
        return mix;
    }
}
