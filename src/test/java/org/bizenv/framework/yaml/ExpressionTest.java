package org.bizenv.framework.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static double value(String text) {
        Expression.Result r = Expression.evaluate(text);
        assertThat(r.problem()).as(text).isNull();
        return r.value();
    }

    @Test
    void functionsAreTheJdksBitForBit() {
        assertThat(Double.doubleToRawLongBits(value("ln(75000)"))).isEqualTo(Double.doubleToRawLongBits(Math.log(75000)));
        assertThat(value("ln(75000)")).isEqualTo(11.225243392518447);
        assertThat(value("ln(100)")).isEqualTo(Math.log(100));
        assertThat(value("log10(1e6)")).isEqualTo(6.0);
        assertThat(value("log10(2)")).isEqualTo(Math.log10(2));
        assertThat(value("exp(1)")).isEqualTo(Math.E);
        assertThat(value("sqrt(2)")).isEqualTo(Math.sqrt(2));
        assertThat(value("ln(75000) - ln(100)")).isEqualTo(Math.log(75000) - Math.log(100));
        assertThat(value("1/3")).isEqualTo(1.0 / 3.0);
        assertThat(value("-1/3")).isEqualTo(-1.0 / 3.0);
        assertThat(value(" 1 / 3 ")).isEqualTo(1.0 / 3.0);
    }

    @Test
    void precedenceAndNumbers() {
        assertThat(value("1 + 2 * 3")).isEqualTo(7.0);
        assertThat(value("(1 + 2) * 3")).isEqualTo(9.0);
        assertThat(value("2 × 3 ÷ 4")).isEqualTo(1.5);
        assertThat(value("8 / 4 / 2")).isEqualTo(1.0);             // left to right
        assertThat(value("10 - 4 - 3")).isEqualTo(3.0);
        assertThat(value("-2 * -3")).isEqualTo(6.0);
        assertThat(value("--2")).isEqualTo(2.0);
        assertThat(value("-(1 + 2)")).isEqualTo(-3.0);
        assertThat(value("+5")).isEqualTo(5.0);
        assertThat(value("2.5e-3")).isEqualTo(0.0025);
        assertThat(value("1E3")).isEqualTo(1000.0);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("5.")).isEqualTo(5.0);
        assertThat(value("100 * exp(-ln(2))")).isEqualTo(100 * Math.exp(-Math.log(2)));
        assertThat(value("sqrt ( 16 )")).isEqualTo(4.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ln(75000      | 'ln(75000' is missing a ')' at character 9 (to close the '(' at character 3)
            (1 + 2        | '(1 + 2' is missing a ')' at character 7 (to close the '(' at character 1)
            2 +           | '2 +' is missing a number at character 4
            2 3           | '2 3' has an unexpected '3' at character 3
            2 $ 3         | '2 $ 3' has an unexpected '$' at character 3
            1)            | '1)' has an unexpected ')' at character 2
            log(10)       | 'log(10)' says 'log', which is ambiguous: write ln (natural log) or log10 at character 1
            lg(10)        | 'lg(10)' has an unknown function 'lg' (known: ln, log10, exp, sqrt) at character 1
            ln 10         | 'ln 10' is missing a '(' after ln at character 4
            1 / (2 - 2)   | '1 / (2 - 2)' divides by zero at character 3
            ln(0)         | 'ln(0)' takes ln of 0, which is undefined (ln needs a number > 0) at character 1
            log10(-1)     | 'log10(-1)' takes log10 of -1, which is undefined (log10 needs a number > 0) at character 1
            sqrt(-0.5)    | 'sqrt(-0.5)' takes sqrt of -0.5, which is undefined (sqrt needs a number >= 0) at character 1
            exp(1000)     | 'exp(1000)' overflows at character 1
            1e999         | '1e999' is too large at character 1
            1e            | '1e' is missing the exponent's digits at character 3
            2 * .         | '2 * .' has a '.' without digits at character 5
            ""            | '' is missing a number at character 1
            """)
    void problemsSayWhatAndWhere(String text, String problem) {
        Expression.Result r = Expression.evaluate(text == null ? "" : text);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).isEqualTo(problem);
    }

    @Test
    void wordsAreNotTakenForExpressions() {
        assertThat(Expression.looksLikeOne("half")).isFalse();
        assertThat(Expression.looksLikeOne("minmax")).isFalse();
        assertThat(Expression.looksLikeOne("ln(75000")).isTrue();
        assertThat(Expression.looksLikeOne("1e")).isTrue();
        assertThat(YamlValues.numberProblem("half")).isNull();
        assertThat(YamlValues.numberProblem("ln(2)")).isNull();          // a number: nothing wrong
        assertThat(YamlValues.number("ln(2)")).isEqualTo(Math.log(2));
        assertThat(YamlValues.number("half")).isNull();
        assertThat(YamlValues.number(null)).isNull();
    }
}
