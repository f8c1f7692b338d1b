package org.bizenv.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The report's own time, {@code meta.generatedAt}, as the instant every workbook (the full report and the city cards)
 * stamps on its zip entries and document properties instead of the wall clock, so that the same report gives the
 * same bytes.
 */
public final class ReportTime {

    private ReportTime() {
    }

    /** {@code generatedAt} as an instant: ISO-8601 with or without offset (UTC assumed), or a date; else null. */
    public static Instant parse(String generatedAt) {
        if (generatedAt == null || generatedAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(generatedAt).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(generatedAt).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(generatedAt).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
