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

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "10\u2074=>'10\u2074' is not a number: write 10000",
            "2.5×10\u207B\u00B3=>'2.5×10\u207B\u00B3' is not a number: write 0.0025",
            "3 × 10\u2075=>'3 × 10\u2075' is not a number: write 300000",
            "12\u00B2=>'12\u00B2' is not a number: write 144",
            "1\u00BD=>'1\u00BD' is not a number: write 1.5",
            "2 \u00BE=>'2 \u00BE' is not a number: write 2.75",
            "\u2153=>'\u2153' is not a number: write it as a decimal number",
            "H\u2082O=>'H\u2082O' is not a number: '\u2082' (subscript two) is not a plain digit or sign; type the "
                    + "number in plain digits",
            "\u2461=>'\u2461' is not a number: '\u2461' (circled digit two) is not a plain digit or sign; type the "
                    + "number in plain digits",
            "\"  12\u2076 \"=>'12\u2076' is not a number: write 2985984"})
    void charactersThatFoldIntoAnotherNumberAreRefusedSayingWhatToWrite(String text, String problem) {
        ParsedNumber n = CellValues.parseNumber(text);
        assertThat(n.kind()).isEqualTo(ParsedNumber.Kind.NOT_A_NUMBER);
        assertThat(n.value()).isNaN();
        assertThat(n.problem()).isEqualTo(problem);
    }

    @Test
    void fullWidthFormsSpacesAndSeparatorsAreStillRead() {
        assertThat(CellValues.parseNumber("\uFF11\uFF12\uFF13")).isEqualTo(ParsedNumber.number(123));
        assertThat(CellValues.parseNumber("12%")).isEqualTo(ParsedNumber.number(12));
        assertThat(CellValues.parseNumber("1,234")).isEqualTo(ParsedNumber.number(1234));
        assertThat(CellValues.parseNumber("\uFF11\uFF12\uFF05")).isEqualTo(ParsedNumber.number(12));
        assertThat(CellValues.parseNumber("1\u202F234")).isEqualTo(ParsedNumber.number(1234));
        assertThat(CellValues.parseNumber("abc").problem()).isEqualTo("'abc' is not a number");
    }

    @Test
    void csvFieldsAreReadByThisOneFunction() {
        TableCell csvField = TableCell.text(Location.ofCell("t.csv", null, 2, 2), "10\u2074");
        assertThat(csvField.asNumber()).isEqualTo(CellValues.parseNumber("10\u2074"));
    }
}
