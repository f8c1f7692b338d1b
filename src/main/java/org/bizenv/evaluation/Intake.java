package org.bizenv.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;
import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Denominator;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.CsvEncoding;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.ReadResult;
import org.bizenv.ingest.SourceValues;
import org.bizenv.ingest.TextEncoding;
import org.bizenv.ingest.UnitTableReader;
import org.bizenv.ingest.UnitWorkbooksReader;
import org.bizenv.ingest.WalkthroughReader;
import org.bizenv.ingest.WalkthroughValues;
import org.bizenv.report.Report;
import org.bizenv.scoring.Unit;

/**
 * Reads one year's data folder as the framework describes it: every source except the survey (which has its own
 * chunk step), every problem of every source collected in one pass. Produces the "raw" data set with the cell each
 * value came from.
 */
public final class Intake {

    private Intake() {
    }

    /**
     * The unit resolver of a framework: its city registry (narrowed to the part the framework evaluates, if it names
     * one: {@link CityRegistry#subset}), or the units the data name.
     */
    public static UnitResolver resolver(Framework fw, Problems problems) {
        if (fw.unitsFile() == null) {
            return UnitResolver.identity("unit");
        }
        ReadResult<CityRegistry> r = CityRegistryReader.read(fw.unitsFile().getParent(),
                fw.unitsFile().getFileName().toString());
        problems.addAll(r.problems());
        return fw.subset() == null ? r.value() : r.value().subset(fw.subset().units());
    }

    /**
     * The problems worth reporting of a pass over data read with {@code resolver}: all of them, except, for a
     * framework that evaluates part of its registry, those about the registry's cities outside that part, whose rows
     * the sources may well hold (a file covering all 50 cities for an edition of 19) and which are skipped unread.
     */
    public static Problems evaluatedOnly(UnitResolver resolver, Problems problems) {
        if (resolver instanceof CityRegistry reg && !reg.outside().isEmpty()) {
            return problems.ignoring(reg.outside().stream().map(City::code).collect(
                    java.util.stream.Collectors.toUnmodifiableSet()));
        }
        return problems;
    }

    /** Reads the sources; problems go to {@code problems} (the result is only meaningful if there are none). */
    public static IntakeResult read(Framework fw, Path dataFolder, UnitResolver resolver, Problems problems) {
        return read(fw, dataFolder, false, resolver, problems);
    }

    /**
     * @param labelWithFolder name files in problems and provenance with the year's folder ({@code 2023/returns/…}),
     *                        used for last year's data so its problems are never mistaken for this year's
     */
    public static IntakeResult read(Framework fw, Path data, boolean labelWithFolder, UnitResolver resolver,
                                    Problems problems) {
        return read(fw, data, labelWithFolder, resolver, problems, InputHashes.NONE, 0);
    }

    /**
     * As {@link #read(Framework, Path, boolean, UnitResolver, Problems)}, the files' hashes taken from {@code hashes}
     * and a unit-workbooks source's workbooks opened on {@code workbookThreads} threads (0: one per processor, up to
     * 4); the result is the same.
     */
    static IntakeResult read(Framework fw, Path data, boolean labelWithFolder, UnitResolver resolver,
                             Problems problems, InputHashes hashes, int workbookThreads) {
        problems = evaluatedOnly(resolver, problems);
        Path dataFolder = labelWithFolder ? data.getParent() : data;
        String prefix = labelWithFolder ? data.getFileName() + "/" : "";
        if (!Files.isDirectory(data)) {
            problems.add(Location.ofFile(data.toString()), "data folder not found");
            return new IntakeResult(List.of(), new double[0][], new String[0][], new double[0][], List.of());
        }
        Map<String, SourceValues> bySourceAndStatistic = new LinkedHashMap<>();
        List<SourceUnits> sourceUnits = new ArrayList<>();
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        List<Report.SourceFile> files = new ArrayList<>();
        for (Source s : fw.sources()) {
            files.addAll(sourceFiles(s, data, hashes));
            if (s.type().equals("survey")) {
                continue;
            }
            List<FieldRequest> requests = requests(fw, s);
            List<String> attributeColumns = attributeColumns(s);
            if (requests.isEmpty() && attributeColumns.isEmpty()) {
                continue;
            }
            switch (s.type()) {
                case "unit-workbooks" -> bySourceAndStatistic.put(s.id(), take(workbooksReader(resolver, dataFolder,
                        workbookThreads).read(s.id(), prefix + s.path(), s.sheet(), requests), problems));
                case "unit-table" -> {
                    UnitTableReader.UnitTable table = take(new UnitTableReader(resolver, dataFolder,
                            TextEncoding.ofKey(s.encoding())).read(s.id(),
                            prefix + s.path(), s.sheet(), s.unitColumn(), requests, attributeColumns), problems);
                    bySourceAndStatistic.put(s.id(), table.values());
                    addAttributes(s, table.attributes(), attributes);
                }
                case "walkthrough" -> {
                    List<String> items = requests.stream().map(FieldRequest::field).toList();
                    WalkthroughValues w = take(new WalkthroughReader(resolver, dataFolder, TextEncoding.ofKey(s.encoding()))
                            .read(s.id(), prefix + s.path(), s.sheet(), items, true), problems);
                    bySourceAndStatistic.put(s.id() + "/" + WalkthroughValues.PASS_RATE, w.passRate());
                    bySourceAndStatistic.put(s.id() + "/" + WalkthroughValues.MEAN_HOURS, w.meanHours());
                }
                default -> throw new IllegalStateException(s.type());
            }
            SourceValues read = bySourceAndStatistic.get(s.type().equals("walkthrough")
                    ? s.id() + "/" + WalkthroughValues.PASS_RATE : s.id());
            sourceUnits.add(new SourceUnits(s.id(), prefix + s.path(), read.units(), false));
        }

        List<Unit> units = units(resolver, bySourceAndStatistic, attributes, fw);
        units = CompositeUnits.check(fw, units, problems);
        List<Indicator> indicators = fw.indicators();
        int n = units.size();
        double[][] values = new double[indicators.size()][n];
        String[][] provenance = new String[indicators.size()][n];
        TextCodes codes = new TextCodes(indicators.size(), n);
        for (int j = 0; j < indicators.size(); j++) {
            Indicator ind = indicators.get(j);
            Source s = fw.source(ind.source()).orElseThrow();
            java.util.Arrays.fill(values[j], Double.NaN);
            if (s.type().equals("survey")) {
                continue;                                   // filled by the survey step
            }
            String key = s.type().equals("walkthrough") ? s.id() + "/" + ind.statistic() : s.id();
            SourceValues sv = bySourceAndStatistic.get(key);
            for (int i = 0; i < n; i++) {
                String unit = units.get(i).code();
                if (sv == null || !sv.hasUnit(unit)) {
                    continue;
                }
                double v = sv.value(unit, ind.field());
                Location where = sv.where(unit, ind.field());
                values[j][i] = v;
                provenance[j][i] = where == null ? null : where + (s.type().equals("walkthrough")
                        ? " (" + ind.field() + " " + ind.statistic() + ")" : "");
                String text = sv.text(unit, ind.field());
                if (text != null) {
                    provenance[j][i] = codes.take(ind, j, i, text, where, problems.about(unit));
                }
                // Readers check ranges of the values they read; walk-through statistics are derived, so here.
                if (s.type().equals("walkthrough") && !Double.isNaN(v) && outside(v, ind)) {
                    problems.about(unit).add(Location.ofSheet(prefix + s.path(), s.sheet()), units.get(i).name().both() + ": "
                            + ind.field() + " " + ind.statistic() + " " + CellValues.format(v)
                            + " outside the valid range " + range(ind) + " of indicator " + ind.code());
                }
            }
        }
        double[][] denominators = new double[fw.denominators().size()][n];
        for (int d = 0; d < denominators.length; d++) {
            Denominator den = fw.denominators().get(d);
            SourceValues sv = bySourceAndStatistic.get(den.source());
            for (int i = 0; i < n; i++) {
                String unit = units.get(i).code();
                denominators[d][i] = sv == null || !sv.hasUnit(unit) ? Double.NaN : sv.value(unit, den.field());
            }
        }
        return new IntakeResult(units, values, provenance, denominators, files, codes.any() ? codes.scores : null,
                codes.any() ? codes.notApplicable : null, sourceUnits);
    }

    private static <T> T take(ReadResult<T> r, Problems problems) {
        problems.addAll(r.problems());
        return r.value();
    }

    /** The fields a source must provide: its indicators' fields (with their valid ranges) and denominators. */
    public static List<FieldRequest> requests(Framework fw, Source s) {
        Map<String, FieldRequest> byField = new LinkedHashMap<>();
        for (Indicator ind : fw.indicators()) {
            if (!ind.source().equals(s.id())) {
                continue;
            }
            boolean blanksAreErrors = TextCodes.blanksAreErrors(ind, s);
            boolean ranged = !s.type().equals("walkthrough");
            FieldRequest r = new FieldRequest(ind.field(), ranged ? ind.validMin() : Double.NaN,
                    ranged ? ind.validMax() : Double.NaN, blanksAreErrors, TextCodes.texts(ind));
            byField.merge(ind.field(), r, (a, b) -> new FieldRequest(a.field(), Math.max(nan(a.min()), nan(b.min())),
                    Math.min(nanHigh(a.max()), nanHigh(b.max())), a.blanksAreErrors() || b.blanksAreErrors(),
                    TextCodes.union(a.texts(), b.texts())));
        }
        for (Denominator d : fw.denominators()) {
            if (d.source().equals(s.id())) {
                byField.putIfAbsent(d.field(), new FieldRequest(d.field(), Double.NaN, Double.NaN, false));
            }
        }
        return new ArrayList<>(byField.values());
    }

    private static double nan(double d) {
        return Double.isNaN(d) ? Double.NEGATIVE_INFINITY : d;
    }

    private static double nanHigh(double d) {
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }

    private static boolean outside(double v, Indicator ind) {
        return (!Double.isNaN(ind.validMin()) && v < ind.validMin()) || (!Double.isNaN(ind.validMax()) && v > ind.validMax());
    }

    private static String range(Indicator ind) {
        return "[" + CellValues.format(ind.validMin()) + ", " + CellValues.format(ind.validMax()) + "]";
    }

    /** The text columns a unit-table source declares: the unit's name column first, then its group columns. */
    static List<String> attributeColumns(Source s) {
        if (!s.type().equals("unit-table")) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        if (s.unitNameColumn() != null) {
            columns.add(s.unitNameColumn());
        }
        columns.addAll(s.groupColumns());
        return columns;
    }

    /** A source's names and groups by unit code, keyed as {@link #units} reads them (first source to name a unit wins). */
    static void addAttributes(Source s, Map<String, Map<String, String>> read, Map<String, Map<String, String>> out) {
        read.forEach((unit, attrs) -> {
            Map<String, String> a = new LinkedHashMap<>();
            if (s.unitNameColumn() != null) {
                a.put(NAME, attrs.get(s.unitNameColumn()));
            }
            for (String g : s.groupColumns()) {
                a.put(g, attrs.get(g));
            }
            out.putIfAbsent(unit, a);
        });
    }

    /** Key of a unit's name among its attributes. */
    static final String NAME = "(unit name)";

    /**
     * The registry's cities (with region, type and, where the registry has one, group as groupings), or the units the sources named, in order, with the
     * names and groups unit-table sources give.
     */
    static List<Unit> units(UnitResolver resolver, Map<String, SourceValues> sources,
                            Map<String, Map<String, String>> attributes, Framework fw) {
        List<Unit> out = new ArrayList<>();
        if (resolver instanceof CityRegistry reg) {
            for (City c : reg.cities()) {
                Map<String, String> groups = new LinkedHashMap<>(Map.of("region", c.region(), "type", c.type()));
                if (!c.group().isEmpty()) {
                    groups.put("group", c.group());     // only where the registry has the column
                }
                out.add(new Unit(c.code(), new Names(c.nameZh(), c.nameEn()), groups));
            }
            return out;
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        sources.values().forEach(sv -> codes.addAll(sv.units()));
        for (String c : codes) {
            Map<String, String> attrs = attributes.getOrDefault(c, Map.of());
            String name = attrs.getOrDefault(NAME, c);
            Map<String, String> groups = new LinkedHashMap<>();
            attrs.forEach((k, v) -> {
                if (!k.equals(NAME) && v != null && !v.isEmpty()) {
                    groups.put(k, v);
                }
            });
            out.add(new Unit(c, new Names(name, name), groups));
        }
        return out;
    }

    /** A unit-workbooks reader opening {@code threads} workbooks at once (0: the reader's default). */
    private static UnitWorkbooksReader workbooksReader(UnitResolver resolver, Path dataFolder, int threads) {
        return threads > 0 ? new UnitWorkbooksReader(resolver, dataFolder, threads)
                : new UnitWorkbooksReader(resolver, dataFolder);
    }

    /**
     * Every file of a source with its SHA-256 and, for a CSV file, the encoding it is read in, for the Sources sheet
     * (paths relative to the data folder).
     */
    static List<Report.SourceFile> sourceFiles(Source s, Path dataFolder, InputHashes hashes) {
        List<Report.SourceFile> out = new ArrayList<>();
        for (Path f : filesOf(s, dataFolder)) {
            if (!Files.isRegularFile(f)) {
                continue;                                   // missing: the source's reader reports it
            }
            try {
                String shown = dataFolder.relativize(f).toString().replace('\\', '/');
                out.add(new Report.SourceFile(s.id(), s.channel(), shown, hashes.sha256(f), Files.size(f),
                        encoding(f, s)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The encoding a CSV file is read in, as the report names it ({@code UTF-8}, {@code GB18030}…); null for a workbook. */
    private static String encoding(Path f, Source s) {
        if (!f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return null;
        }
        TextEncoding e = CsvEncoding.readIn(f, TextEncoding.ofKey(s.encoding()));
        return e == null ? null : e.shown();
    }

    /**
     * The files a source's reader reads in a year's data folder, wherever its path leads ({@code ../shared/x.xlsx}
     * too): the file it names, or the workbooks of the folder it names (as {@code UnitWorkbooksReader} lists them:
     * the folder's own files, without Excel's lock files {@code ~$…} and hidden files). A path that does not exist
     * is returned as it is, so that whoever hashes the inputs sees it appear. The Sources sheet and the restart
     * fingerprint ({@link RunInputs}) both take their files from here.
     */
    static List<Path> filesOf(Source s, Path dataFolder) {
        Path p = dataFolder.resolve(s.path());
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (java.util.stream.Stream<Path> entries = Files.list(p)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("~$")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + p, e);
        }
    }
}
