package org.bizenv.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Source;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.ReadResult;
import org.bizenv.report.AtomicReportFolder;

/**
 * Blank data-collection templates of an evaluation, made from its framework alone: what the evaluation team sends
 * out before the data come in (bizenv template). For each source of the framework, in the layout its reader reads:
 *
 * <ul>
 *   <li>{@code unit-workbooks}: a return form per unit of the registry, {@code <path>/<unit code>.xlsx}
 *       ({@link ReturnForm});</li>
 *   <li>{@code unit-table}: the table with its header and a row per unit ({@link UnitTableForm});</li>
 *   <li>{@code walkthrough}: the test log with its header ({@link WalkthroughForm});</li>
 *   <li>{@code survey}: the CSV header and a codebook beside it ({@link SurveyForm}).</li>
 * </ul>
 *
 * Filled in, the folder is the year's data folder for {@code bizenv run --data}. The files are a pure function of the
 * framework (with its registry) and the year: the same inputs give the same bytes.
 */
public final class Templates {

    static final String CREATOR = "bizenv template";

    /** One file of the set: its path relative to the folder written (with {@code /}), and its bytes. */
    public record TemplateFile(String path, byte[] bytes) {
    }

    private Templates() {
    }

    /**
     * The units of the framework's registry (the part it evaluates) in registry order; empty when it has none.
     *
     * @throws org.bizenv.ingest.InputDataException listing the registry's problems
     */
    public static List<City> units(Framework fw) {
        if (fw.unitsFile() == null) {
            return List.of();
        }
        ReadResult<CityRegistry> r = CityRegistryReader.read(fw.unitsFile().getParent(),
                fw.unitsFile().getFileName().toString());
        CityRegistry registry = r.orThrow();
        // a framework evaluating part of its registry (framework.units.include) wants returns of that part only
        return fw.subset() == null ? registry.cities() : registry.subset(fw.subset().units()).cities();
    }

    /** Every template of the framework for the year, in source order. */
    public static List<TemplateFile> build(Framework fw, List<City> units, int year) {
        Edition e = new Edition(fw, year);
        List<TemplateFile> out = new ArrayList<>();
        for (Source s : fw.sources()) {
            List<TemplateField> fields = TemplateField.of(fw, s);
            switch (s.type()) {
                case "unit-workbooks" -> {
                    if (units.isEmpty()) {
                        throw new TemplateException("source '" + s.id() + "' is a return per unit (unit-workbooks), "
                                + "but the framework has no unit registry (framework.units) to say which units: "
                                + "add one, e.g. units: cities-36.csv");
                    }
                    String folder = s.path().replaceAll("[/\\\\]+$", "");
                    for (City c : units) {
                        out.add(new TemplateFile(folder + "/" + c.code() + ".xlsx", ReturnForm.build(e, s, fields, c)));
                    }
                }
                case "unit-table" -> out.add(new TemplateFile(s.path(), UnitTableForm.isCsv(s)
                        ? UnitTableForm.csv(s, fields, units) : UnitTableForm.workbook(e, s, fields, units)));
                case "walkthrough" -> out.add(new TemplateFile(s.path(), WalkthroughForm.workbook(e, s, fields, units)));
                case "survey" -> {
                    out.add(new TemplateFile(s.path(), SurveyForm.csv(fields)));
                    out.add(new TemplateFile(SurveyForm.codebookPath(s), SurveyForm.codebook(e, s, fields, units)));
                }
                default -> throw new IllegalStateException("unknown source type " + s.type());
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (TemplateFile f : out) {
            String key = f.path().replace('\\', '/').toLowerCase(java.util.Locale.ROOT);
            if (seen.put(key, f.path()) != null) {
                throw new TemplateException("two sources would write " + f.path() + ": give each source a file of "
                        + "its own to make templates");
            }
        }
        return out;
    }

    /**
     * Writes the files into {@code folder}, all at once: they are written into a temporary sibling which then takes
     * the folder's place, so a failure leaves nothing half-written and whatever was there before untouched. What was
     * in {@code folder} before is replaced — the caller decides whether that may be done.
     */
    public static void write(List<TemplateFile> files, Path folder) throws IOException {
        AtomicReportFolder.publish(folder, tmp -> {
            for (TemplateFile f : files) {
                Path p = tmp.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.bytes());
            }
        });
    }
}
