package org.bizenv.framework.yaml;

import java.util.List;

/**
 * A numeric parameter written as arithmetic, {@code ln(75000)} instead of 11.225243392518447: one small
 * recursive-descent parser, so that a goalpost on a log scale is stated as the method states it, exactly.
 *
 * <pre>
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "×" | "/" | "÷") unary }
 *   unary   = ("-" | "+") unary | primary
 *   primary = number | function "(" sum ")" | "(" sum ")"
 *   number  = digits ["." [digits]] | "." digits, then an optional exponent e[+-]digits   (1, 0.5, .5, 2.5e-3)
 * </pre>
 *
 * Unary minus binds tightest ({@code -2*3} is (−2)·3), then × and /, then + and −, each left to right. The functions
 * are {@code ln} (natural log), {@code log10}, {@code exp} and {@code sqrt}, computed by {@link Math#log},
 * {@link Math#log10}, {@link Math#exp} and {@link Math#sqrt} on the number {@link Double#parseDouble} reads, so
 * {@code ln(75000)} is {@code Math.log(75000)} bit for bit and {@code 1/3} is {@code 1.0 / 3.0}. {@code log} alone is
 * refused as ambiguous. A result that is not a finite number (ln 0, sqrt of a negative, a division by zero, an
 * overflow) is an error at the operation, never an infinity or NaN. No variables, no scripting: nothing but numbers.
 */
public final class Expression {

    /** The functions an expression may call, for messages. */
    public static final List<String> FUNCTIONS = List.of("ln", "log10", "exp", "sqrt");

    /** The value of an expression, or why it has none ("is missing a ')' at character 9"). */
    public record Result(double value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final String text;
    private int at;

    private Expression(String text) {
        this.text = text;
    }

    /** The value of {@code text}, or the first problem in it (said after the quoted text, 1-based character). */
    public static Result evaluate(String text) {
        Expression e = new Expression(text);
        try {
            e.skipSpaces();
            double v = e.sum();
            e.skipSpaces();
            if (e.at < text.length()) {
                throw e.problem("has an unexpected '" + text.charAt(e.at) + "'", e.at);
            }
            return new Result(v, null);
        } catch (Problem p) {
            return new Result(Double.NaN, p.getMessage());
        }
    }

    /** The value of {@code text}, or null when it is not a number or an expression. */
    public static Double valueOrNull(String text) {
        if (text == null) {
            return null;
        }
        Result r = evaluate(text.strip());
        return r.ok() ? r.value() : null;
    }

    /**
     * Whether a text that is not an expression was meant as one (it has a digit, a parenthesis or an operator after
     * its first character), so that the reader says what is wrong in it rather than only "must be a number".
     */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().matches("(?s).*[0-9()].*|.+[-+*/×÷].*");
    }

    private double sum() {
        double v = product();
        while (true) {
            skipSpaces();
            if (peek('+')) {
                at++;
                v = finite(v + product(), "overflows", at - 1);
            } else if (peek('-')) {
                at++;
                v = finite(v - product(), "overflows", at - 1);
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = unary();
        while (true) {
            skipSpaces();
            int op = at;
            if (peek('*') || peek('×')) {
                at++;
                v = finite(v * unary(), "overflows", op);
            } else if (peek('/') || peek('÷')) {
                at++;
                double d = unary();
                if (d == 0) {
                    throw problem("divides by zero", op);
                }
                v = finite(v / d, "overflows", op);
            } else {
                return v;
            }
        }
    }

    private double unary() {
        skipSpaces();
        if (peek('-')) {
            at++;
            return -unary();
        }
        if (peek('+')) {
            at++;
            return unary();
        }
        return primary();
    }

    private double primary() {
        skipSpaces();
        if (at >= text.length()) {
            throw problem("is missing a number", at);
        }
        char c = text.charAt(at);
        if (c == '(') {
            int open = at++;
            double v = sum();
            close(open);
            return v;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            return function();
        }
        throw problem("has an unexpected '" + c + "'", at);
    }

    private double number() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (peek('.')) {
            at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
        }
        if (at == start + 1 && text.charAt(start) == '.') {
            throw problem("has a '.' without digits", start);
        }
        if (peek('e') || peek('E')) {
            int e = at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            int digits = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == digits) {
                throw problem("is missing the exponent's digits", at);
            }
            if (e == start) {
                throw problem("has an unexpected 'e'", e);
            }
        }
        return finite(Double.parseDouble(text.substring(start, at)), "is too large", start);
    }

    private double function() {
        int start = at;
        while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
            at++;
        }
        String name = text.substring(start, at);
        if (name.equals("log")) {
            throw problem("says 'log', which is ambiguous: write ln (natural log) or log10", start);
        }
        if (!FUNCTIONS.contains(name)) {
            throw problem("has an unknown function '" + name + "' (known: " + String.join(", ", FUNCTIONS) + ")",
                    start);
        }
        skipSpaces();
        if (!peek('(')) {
            throw problem("is missing a '(' after " + name, at);
        }
        int open = at++;
        double x = sum();
        close(open);
        return switch (name) {
            case "ln", "log10" -> {
                if (!(x > 0)) {
                    throw problem("takes " + name + " of " + plain(x) + ", which is undefined (" + name
                            + " needs a number > 0)", start);
                }
                yield name.equals("ln") ? Math.log(x) : Math.log10(x);
            }
            case "sqrt" -> {
                if (!(x >= 0)) {
                    throw problem("takes sqrt of " + plain(x) + ", which is undefined (sqrt needs a number >= 0)",
                            start);
                }
                yield Math.sqrt(x);
            }
            default -> finite(Math.exp(x), "overflows", start);
        };
    }

    private void close(int open) {
        skipSpaces();
        if (!peek(')')) {
            throw problem("is missing a ')' at character " + (at + 1) + " (to close the '(' at character "
                    + (open + 1) + ")", -1);
        }
        at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private double finite(double v, String what, int where) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            throw problem(what, where);
        }
        return v;
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** "'text' WHAT at character N" (N 1-based; {@code where} < 0 when WHAT says where itself). */
    private Problem problem(String what, int where) {
        return new Problem("'" + text + "' " + what + (where < 0 ? "" : " at character " + (where + 1)));
    }

    /** Unwinds the descent at the first problem; the message is the whole of the reader's message. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
