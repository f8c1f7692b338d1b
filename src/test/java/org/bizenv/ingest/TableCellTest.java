package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A workbook number's or date's text is worked out once, when first read, and the cell is then what a cell made with
 * that text is: equal, with the same hash and the same printed form (a record's).
 */
class TableCellTest {

    final Location at = Location.ofCell("r.xlsx", "Data", 4, 4);

    @Test
    void aNumbersTextIsWorkedOutOnceWhenFirstRead() {
        AtomicInteger calls = new AtomicInteger();
        TableCell lazy = TableCell.number(at, 12.5, () -> {
            calls.incrementAndGet();
            return "12.5%";
        });

        assertThat(lazy.value()).isEqualTo(12.5);
        assertThat(lazy.asNumber().value()).isEqualTo(12.5);
        assertThat(calls).hasValue(0);
        assertThat(lazy.text()).isEqualTo("12.5%");
        assertThat(lazy.asText()).isEqualTo("12.5%");
        assertThat(calls).hasValue(1);

        TableCell eager = TableCell.number(at, 12.5, "12.5%");
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(eager).hasToString("TableCell[where=r.xlsx!Data!D4, kind=NUMBER, value=12.5, text=12.5%]");
        assertThat(lazy).isNotEqualTo(TableCell.number(at, 12.5, "12.50%"));
        assertThat(TableCell.number(at, Double.NaN, "x")).isEqualTo(TableCell.number(at, Double.NaN, "x"));
    }

    @Test
    void aDatesTextToo() {
        TableCell lazy = TableCell.date(at, 45356, () -> "2024-03-05");

        assertThat(lazy).isEqualTo(TableCell.date(at, 45356, "2024-03-05"));
        assertThat(lazy.asNumber().problem()).isEqualTo("'2024-03-05' is a date, not a number: format the cell as a "
                + "number and type the value again");
    }
}
