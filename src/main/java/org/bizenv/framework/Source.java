package org.bizenv.framework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data source of an evaluation: where a channel's files are (relative to the data folder) and how they are laid out.
 *
 * @param type        unit-workbooks | unit-table | walkthrough | survey
 * @param channel     the data channel it represents (government-returns, survey, walkthrough, statistics, other)
 * @param unitNameColumn unit-table: the column naming each unit (used when there is no unit registry)
 * @param groupColumns  unit-table: columns whose text groups units (region, income group…), for reports and
 *                      group imputation
 * @param notApplicable survey answer codes meaning "not applicable"
 * @param sizeMix     survey: population share of each size class (micro, small, medium), renormalised
 * @param blanks      unit-table and unit-workbooks: what a blank value of its indicators is, {@code error} or
 *                    {@code missing}; null for the default (an error unless the indicator imputes)
 * @param missingUnits survey: what a unit without valid answers (or a file without any) is, {@code error} (the
 *                    default, null) or {@code missing} (its survey indicators are missing values)
 * @param encoding    a CSV file's text encoding as stated ({@code utf-8}, {@code gb18030}, {@code gbk}, {@code utf-16},
 *                    {@code utf-16le}, {@code utf-16be}); null to detect it, as is usual
 * @param columns     survey: the header of the column holding a question or an identity field ({@code RespondentId},
 *                    {@code City}, {@code Size}, {@code Industry}), for files whose headers are not those ids; in file
 *                    order, empty for none
 * @param breakdownMinSample survey: the minimum valid answers of one cell of the breakdowns by size class and by
 *                    industry (a sub-group of a city's firms); a cell on fewer is flagged. 0 or less is taken as
 *                    {@code minSample}, which was the only floor before the key (the city's)
 */
public record Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                     String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample, Map<String, Double> sizeMix,
                     int line, String blanks, String missingUnits, String encoding, Map<String, String> columns,
                     int breakdownMinSample) {

    public Source {
        // a copy that keeps the file's order (Map.copyOf would not), so that problems come in a stable order
        columns = columns == null || columns.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        if (breakdownMinSample <= 0) {
            breakdownMinSample = minSample;
        }
    }

    /** The breakdowns held to the city's minimum sample (no {@code breakdown-min-sample}). */
    public Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                  String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample,
                  Map<String, Double> sizeMix, int line, String blanks, String missingUnits, String encoding,
                  Map<String, String> columns) {
        this(id, type, channel, path, sheet, unitColumn, unitNameColumn, groupColumns, notApplicable, minSample,
                sizeMix, line, blanks, missingUnits, encoding, columns, minSample);
    }

    /** No columns mapped: the headers are the ids. */
    public Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                  String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample,
                  Map<String, Double> sizeMix, int line, String blanks, String missingUnits, String encoding) {
        this(id, type, channel, path, sheet, unitColumn, unitNameColumn, groupColumns, notApplicable, minSample,
                sizeMix, line, blanks, missingUnits, encoding, Map.of());
    }

    /** The encoding detected, as usual. */
    public Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                  String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample,
                  Map<String, Double> sizeMix, int line, String blanks, String missingUnits) {
        this(id, type, channel, path, sheet, unitColumn, unitNameColumn, groupColumns, notApplicable, minSample,
                sizeMix, line, blanks, missingUnits, null);
    }

    public static final List<String> TYPES = List.of("unit-workbooks", "unit-table", "walkthrough", "survey");

    /** Missing units as by default (an error). */
    public Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                  String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample,
                  Map<String, Double> sizeMix, int line, String blanks) {
        this(id, type, channel, path, sheet, unitColumn, unitNameColumn, groupColumns, notApplicable, minSample,
                sizeMix, line, blanks, null);
    }

    /** Whether a unit this source has no values for is a missing value rather than an input error. */
    public boolean missingUnitsAllowed() {
        return "missing".equals(missingUnits);
    }

    /** Blanks as by default. */
    public Source(String id, String type, String channel, String path, String sheet, String unitColumn,
                  String unitNameColumn, List<String> groupColumns, List<Integer> notApplicable, int minSample,
                  Map<String, Double> sizeMix, int line) {
        this(id, type, channel, path, sheet, unitColumn, unitNameColumn, groupColumns, notApplicable, minSample,
                sizeMix, line, null);
    }
}
