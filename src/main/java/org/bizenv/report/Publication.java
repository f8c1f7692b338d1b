package org.bizenv.report;

/**
 * What a run publishes beside the Excel report, chosen by the user: the city report cards, and the JSON report in
 * full or compact. The numbers are the same either way; only how much of them each file carries changes.
 *
 * @param cards       write the city report cards ({@code cities/<code>.xlsx}, and {@code cities.xlsx} with every card
 *                    as a sheet for up to {@link #COMBINED_CARDS_LIMIT} units: beyond that a workbook of thousands of
 *                    sheets helps nobody and takes gigabytes to build)
 * @param compactJson leave out of the JSON what grows with units × indicators beyond the results themselves: the
 *                    {@code stages} tables (every value of every stage, with provenance) and the indicator × indicator
 *                    correlation matrices of {@code coherence}. Both stay in the Excel report. For large runs: at 3,000
 *                    units × 200 indicators they are 93 of the JSON's 110 MB.
 */
public record Publication(boolean cards, boolean compactJson) {

    /** Cards, full JSON: what a run publishes unless told otherwise. */
    public static final Publication FULL = new Publication(true, false);

    /** The number of units up to which {@code cities.xlsx} (every card in one workbook) is written with the cards. */
    public static final int COMBINED_CARDS_LIMIT = 100;

    /** The job parameter's text: {@code cards,full-json}, {@code no-cards,compact-json}… */
    public String key() {
        return (cards ? "cards" : "no-cards") + "," + (compactJson ? "compact-json" : "full-json");
    }

    /** Reads {@link #key()}; null (a run from before the choice existed) is {@link #FULL}. */
    public static Publication ofKey(String key) {
        if (key == null || key.isEmpty()) {
            return FULL;
        }
        return new Publication(!key.contains("no-cards"), key.contains("compact-json"));
    }

    /** Whether the cards of this many ranked units also go into one workbook, {@code cities.xlsx}. */
    public static boolean combinedCards(int units) {
        return units <= COMBINED_CARDS_LIMIT;
    }
}
