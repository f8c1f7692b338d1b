package org.bizenv.evaluation;

import java.util.List;

/**
 * The units one source of a year names, for the check that every source names the same ones ({@link UnitCoverage}).
 *
 * @param source      the source's id
 * @param file        its file or folder as problems name it ({@code statistics.xlsx}, {@code 2023/returns})
 * @param units       the unit codes it names, in its order
 * @param mayLackUnits a survey source with {@code missing-units: missing}: a unit it lacks is a missing value
 */
public record SourceUnits(String source, String file, List<String> units, boolean mayLackUnits) {

    public SourceUnits {
        units = List.copyOf(units);
    }
}
