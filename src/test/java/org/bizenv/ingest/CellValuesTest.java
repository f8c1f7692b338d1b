package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            "12=>12", "'  12.5 '=>12.5", "12%=>12", "'12.5 %'=>12.5", "１２％=>12", "'1,234'=>1234",
            "'1 234'=>1234", "'1\u00A0234'=>1234", "'1\u2009234.5'=>1234.5", "'1,234,567.25'=>1234567.25",
            "１２３．５=>123.5", "－3=>-3", "'\u22123'=>-3", "＋7=>7", "-0.25=>-0.25", ".5=>0.5", "5.=>5",
            "1e3=>1000", "2.5E-2=>0.025", "'\u3000４２\u3000'=>42", "007=>7"})
    void acceptedFormats(String text, double expected) {
        ParsedNumber n = CellValues.parseNumber(text);
        assertThat(n.kind()).isEqualTo(ParsedNumber.Kind.NUMBER);
        assertThat(n.value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u3000", "-", "—", "——", "–", "/", "N/A", "n/a", "－"})
    void blanks(String text) {
        assertThat(CellValues.parseNumber(text)).isEqualTo(ParsedNumber.BLANK);
    }

    @ParameterizedTest(name = "[{0}] -> not a number [{1}]")
    @CsvSource(delimiterString = "=>", value = {
            "abc=>abc", "' 12a '=>12a", "'1,5'=>'1,5'", "'1,2345'=>'1,2345'", "'12,34,567'=>'12,34,567'",
            "'3 4'=>'3 4'", "NaN=>NaN", "Infinity=>Infinity", ".=>.", "+=>+", "1.2.3=>1.2.3", "'12 %%'=>'12 %%'",
            "'#DIV/0!'=>'#DIV/0!'", "'1,234 567'=>'1,234 567'", "'(3)'=>'(3)'", "'---'=>'---'", "1e999=>1e999"})
    void notNumbers(String text, String kept) {
        ParsedNumber n = CellValues.parseNumber(text);
        assertThat(n.kind()).isEqualTo(ParsedNumber.Kind.NOT_A_NUMBER);
        assertThat(n.text()).isEqualTo(kept);
        assertThat(n.value()).isNaN();
    }

    @Test
    void nullIsBlank() {
        assertThat(CellValues.parseNumber(null).isBlank()).isTrue();
    }

    @Test
    void percentPointsShiftDecimally() {
        assertThat(CellValues.percentPoints(0.12)).isEqualTo(12.0);
        assertThat(CellValues.percentPoints(0.07)).isEqualTo(7.0);
        assertThat(CellValues.percentPoints(0.075)).isEqualTo(7.5);
        assertThat(CellValues.percentPoints(-1.5)).isEqualTo(-150.0);
    }

    @Test
    void formatsNumbersForMessages() {
        assertThat(CellValues.format(130)).isEqualTo("130");
        assertThat(CellValues.format(12.5)).isEqualTo("12.5");
        assertThat(CellValues.format(-0.001)).isEqualTo("-0.001");
        assertThat(CellValues.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(CellValues.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }
}
