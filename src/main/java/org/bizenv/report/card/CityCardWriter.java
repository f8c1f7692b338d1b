package org.bizenv.report.card;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.WorkbookUtil;
import org.bizenv.report.AtomicReportFolder;
import org.bizenv.report.ParallelWrites;
import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportTime;
import org.bizenv.report.excel.OoxmlPackage;

/**
 * Writes the city report cards: one workbook per ranked unit, {@code cities/<unit code>.xlsx}, for the city itself,
 * and {@code cities.xlsx} with every card as a sheet, best rank first, for the evaluation team to print at once (up to
 * {@link Publication#COMBINED_CARDS_LIMIT} units; each card is its own small workbook, so many cards take time in
 * proportion but no more memory than one).
 * Both are laid out by {@link CardSheet}, one A4 page per card.
 *
 * <p>Deterministic: the document properties and every zip entry take their time from {@code meta.generatedAt}, so
 * the same report gives the same bytes ({@link CardBook} writes each workbook as text parts, the bytes POI's usermodel
 * wrote for the same cards).
 */
public final class CityCardWriter {

    /** The folder of the per-city workbooks, inside the year's report folder. */
    public static final String FOLDER = "cities";
    /** The workbook with every card, inside the year's report folder. */
    public static final String ALL = "cities.xlsx";
    static final String SYNTHETIC = "合成数据，非官方结果 SYNTHETIC data, not official results";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * The files {@link #writeAll} writes for this report, as paths relative to the year's folder with {@code /}
     * separators: {@code cities.xlsx} first (up to {@link Publication#COMBINED_CARDS_LIMIT} units), then
     * {@code cities/<file>.xlsx} per ranked unit, best rank first. A pure
     * function of the report, so the JSON report can list the cards without writing them.
     */
    public static List<String> files(Report report) {
        List<String> out = new ArrayList<>();
        List<CardFile> cards = cards(report);
        if (Publication.combinedCards(cards.size())) {
            out.add(ALL);
        }
        cards.forEach(c -> out.add(c.path()));
        return List.copyOf(out);
    }

    /** One unit's card: its code and its file, relative to the year's folder ({@code cities/<file>.xlsx}). */
    public record CardFile(String unit, String path) {
    }

    /** Each ranked unit's card file, best rank first, as {@link #writeAll} writes them (after {@value #ALL}). */
    public static List<CardFile> cards(Report report) {
        List<String> units = CityCards.units(report);
        List<String> names = fileNames(units);
        List<CardFile> out = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            out.add(new CardFile(units.get(i), FOLDER + "/" + names.get(i)));
        }
        return List.copyOf(out);
    }

    /** The part of a publication the card files belong to, for its timings ({@link ParallelWrites.Write#part}). */
    public static final String PART = "cards";

    /**
     * Writes every card into {@code folder} (the year's report folder, which the caller publishes atomically), one
     * after the other, and returns the files written, as {@link #files} lists them.
     */
    public List<String> writeAll(Report report, Path folder) throws IOException {
        ParallelWrites.run(writes(report, folder), 1);
        return files(report);
    }

    /**
     * The writes of every card into {@code folder}, in the order {@link #files} lists them, for
     * {@link ParallelWrites} to run on one thread or several: first the {@value #FOLDER} folder, then {@value #ALL}
     * (up to {@link Publication#COMBINED_CARDS_LIMIT} units), then each unit's card. Every write makes sure the folder
     * exists, so they can run in any order; the cards themselves are built once, by the first write that needs them.
     */
    public List<ParallelWrites.Write> writes(Report report, Path folder) {
        Instant time = ReportTime.parse(report.meta().generatedAt());
        Path dir = folder.resolve(FOLDER);
        List<String> names = fileNames(CityCards.units(report));
        var deck = new Deck(report);
        List<ParallelWrites.Write> out = new ArrayList<>();
        out.add(new ParallelWrites.Write(PART, () -> Files.createDirectories(dir)));
        if (Publication.combinedCards(names.size())) {
            out.add(new ParallelWrites.Write(PART, () -> {
                Files.createDirectories(dir);
                AtomicReportFolder.writeFile(folder.resolve(ALL), o -> book(deck.cards(), time, o));
            }));
        }
        for (int i = 0; i < names.size(); i++) {
            final int k = i;
            out.add(new ParallelWrites.Write(PART, () -> {
                Files.createDirectories(dir);
                AtomicReportFolder.writeFile(dir.resolve(names.get(k)),
                        o -> book(List.of(deck.cards().get(k)), time, o));
            }));
        }
        return List.copyOf(out);
    }

    /**
     * A report's cards, built by the first write that asks for them and then shared (read-only) by every write:
     * building them indexes the whole report, which should happen once, and not before the files that need no cards
     * have started.
     */
    private static final class Deck {
        private final Report report;
        private List<CityCard> cards;

        Deck(Report report) {
            this.report = report;
        }

        synchronized List<CityCard> cards() {
            if (cards == null) {
                cards = CityCards.of(report);
            }
            return cards;
        }
    }

    /** One or more cards as one workbook, a sheet each, to a stream that is flushed but left open. */
    public void write(List<CityCard> cards, String generatedAt, OutputStream out) throws IOException {
        book(cards, ReportTime.parse(generatedAt), out);
        out.flush();
    }

    /** Writes the cards as one workbook to {@code out}, which is left open ({@link CardBook}). */
    private static void book(List<CityCard> cards, Instant time, OutputStream out) throws IOException {
        var book = new CardBook();
        for (var card : cards) {
            book.add(card);
        }
        book.write(properties(cards, time), time, out);
    }

    private static OoxmlPackage.Properties properties(List<CityCard> cards, Instant time) {
        if (cards.isEmpty()) {
            // a report that ranks no unit: no title to give; stamped with the report's time like every other book
            return new OoxmlPackage.Properties(null, "bizenv", null, null);
        }
        var card = cards.get(0);
        boolean one = cards.size() == 1;
        var e = card.edition();
        String title = (one ? CardText.both(card.name()) + " " : "") + e.year() + " 城市评估报告卡 City report card"
                + (one ? "" : "s");
        String description = "bizenv " + nz(e.engineVersion()) + ", framework " + nz(e.frameworkId()) + " "
                + nz(e.frameworkVersion()) + ", generated " + nz(e.generatedAt()) + ".";
        return new OoxmlPackage.Properties(title, "bizenv", e.synthetic() ? SYNTHETIC + ". " + description : description,
                e.frameworkId());
    }

    /** The sheet of a card in {@code cities.xlsx}: the Chinese name, else the code; made valid and unique. */
    static String sheetName(CityCard card, Set<String> used) {
        String zh = card.name() == null ? null : card.name().zh();
        String base = WorkbookUtil.createSafeSheetName(zh == null || zh.isBlank() ? card.unit() : zh);
        String name = base;
        for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
            String suffix = " (" + k + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /**
     * A file name per card (given by its unit's code, in card order): the unit code where it is a safe, portable file name, else the code with every other
     * character replaced by {@code _}; unique ignoring case (case-insensitive file systems), in card order.
     */
    static List<String> fileNames(List<String> units) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String code : units) {
            String base = SAFE.matcher(code).matches() && !RESERVED.matcher(code).matches() && !code.endsWith(".")
                    ? code : "unit-" + code.replaceAll("[^A-Za-z0-9._-]", "_");
            if (base.length() > 100) {
                base = base.substring(0, 100);
            }
            String name = base;
            for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "-" + k;
            }
            out.add(name + ".xlsx");
        }
        return List.copyOf(out);
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
