package dev.belfry.cli.param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI v2 shorthand grammar ({@code awscli/shorthand.py}), syntax only: it never looks at a model.
 * Yields nested {@code Map}/{@code List}/{@code String}; the character classes, the csv back-tracking and
 * the quote handling are ported rule for rule so that every accepted input and every caret error match.
 * Not thread-safe: one instance per parse.
 */
public final class ShorthandParser {
    private static final String START_WORD = "!#-&(-+\\--<>-Z\\\\-z|-\\uffff";
    private static final String FIRST_FOLLOW = "\\s!#-&(-+\\--\\\\^-|~-\\uffff";
    private static final String SECOND_FOLLOW = "\\s!#-&(-+\\--<>-\\uffff";
    private static final Pattern FIRST =
            Pattern.compile("(?U)((\\\\,)|[" + START_WORD + "])((\\\\,)|[" + FIRST_FOLLOW + "])*");
    private static final Pattern SECOND =
            Pattern.compile("(?U)((\\\\,)|[" + START_WORD + "])((\\\\,)|[" + SECOND_FOLLOW + "])*");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:\\\\\\\\|\\\\'|[^'])*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:\\\\\\\\|\\\\\"|[^\"])*\"");
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";
    private static final String WHITESPACE = " \t\n\r\u000b\f";

    private String input;
    private int index;

    public Map<String, Object> parse(String value) {
        this.input = value;
        this.index = 0;
        return parameter();
    }

    private Map<String, Object> parameter() {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = key();
        expect('=', true);
        params.put(key, values());
        int lastIndex = index;
        while (index < input.length()) {
            expect(',', true);
            key = key();
            expect('=', true);
            Object val = values();
            if (params.containsKey(key)) {
                throw ShorthandSyntaxException.duplicateKey(key, input, lastIndex + 1);
            }
            params.put(key, val);
            lastIndex = index;
        }
        return params;
    }

    private String key() {
        int start = index;
        while (!atEof() && KEY_CHARS.indexOf(input.charAt(index)) >= 0) {
            index++;
        }
        return input.substring(start, index);
    }

    private Object values() {
        if (atEof()) {
            return "";
        }
        char c = input.charAt(index);
        if (c == '[') {
            return explicitList();
        } else if (c == '{') {
            return hashLiteral();
        }
        return csvValue();
    }

    private Object csvValue() {
        String firstValue = firstValue();
        consumeWhitespace();
        if (atEof() || input.charAt(index) != ',') {
            return firstValue;
        }
        expect(',', true);
        List<Object> csv = new ArrayList<>();
        csv.add(firstValue);
        while (true) {
            try {
                String current = secondValue();
                consumeWhitespace();
                if (atEof()) {
                    csv.add(current);
                    break;
                }
                expect(',', true);
                csv.add(current);
            } catch (ShorthandSyntaxException e) {
                if (atEof()) {
                    throw e;
                }
                backtrackTo(',');
                break;
            }
        }
        return csv.size() == 1 ? firstValue : csv;
    }

    private String value() {
        Matcher m = match(FIRST);
        if (m != null) {
            return consume(m).replace("\\,", ",").stripTrailing();
        }
        return "";
    }

    private List<Object> explicitList() {
        expect('[', true);
        List<Object> values = new ArrayList<>();
        while (current() != ']') {
            values.add(explicitValues());
            consumeWhitespace();
            if (current() != ']') {
                expect(',', false);
                consumeWhitespace();
            }
        }
        expect(']', false);
        return values;
    }

    private Object explicitValues() {
        int c = current();
        if (c == '[') {
            return explicitList();
        } else if (c == '{') {
            return hashLiteral();
        }
        return firstValue();
    }

    private Map<String, Object> hashLiteral() {
        expect('{', true);
        Map<String, Object> keyvals = new LinkedHashMap<>();
        while (current() != '}') {
            String key = key();
            expect('=', true);
            Object v = explicitValues();
            consumeWhitespace();
            if (current() != '}') {
                expect(',', false);
                consumeWhitespace();
            }
            keyvals.put(key, v);
        }
        expect('}', false);
        return keyvals;
    }

    // "singled quoted" is the AWS CLI's own spelling in its error message, kept so errors match byte for byte.
    private String firstValue() {
        int c = current();
        if (c == '\'') {
            return quoted(SINGLE_QUOTED, "singled quoted", '\'');
        } else if (c == '"') {
            return quoted(DOUBLE_QUOTED, "double quoted", '"');
        }
        return value();
    }

    private String secondValue() {
        int c = current();
        if (c == '\'') {
            return quoted(SINGLE_QUOTED, "singled quoted", '\'');
        } else if (c == '"') {
            return quoted(DOUBLE_QUOTED, "double quoted", '"');
        }
        return mustConsume(SECOND, "second").replace("\\,", ",").stripTrailing();
    }

    private String quoted(Pattern regex, String name, char quote) {
        String raw = mustConsume(regex, name);
        String value = raw.substring(1, raw.length() - 1);
        return value.replace("\\" + quote, String.valueOf(quote)).replace("\\\\", "\\");
    }

    private void expect(char c, boolean consumeWhitespace) {
        if (consumeWhitespace) {
            consumeWhitespace();
        }
        if (index >= input.length()) {
            throw ShorthandSyntaxException.expected(input, String.valueOf(c), "EOF", index);
        }
        char actual = input.charAt(index);
        if (actual != c) {
            throw ShorthandSyntaxException.expected(input, String.valueOf(c), String.valueOf(actual), index);
        }
        index++;
        if (consumeWhitespace) {
            consumeWhitespace();
        }
    }

    private String mustConsume(Pattern regex, String name) {
        Matcher m = match(regex);
        if (m == null) {
            throw ShorthandSyntaxException.expected(input, "<" + name + ">", "<none>", index);
        }
        return consume(m);
    }

    private Matcher match(Pattern regex) {
        Matcher m = regex.matcher(input);
        m.region(index, input.length());
        return m.lookingAt() ? m : null;
    }

    private String consume(Matcher m) {
        String v = input.substring(m.start(), m.end());
        index = m.end();
        return v;
    }

    /** The current character, or -1 at the end (Python's _EOF sentinel). */
    private int current() {
        return index < input.length() ? input.charAt(index) : -1;
    }

    private boolean atEof() {
        return index >= input.length();
    }

    private void backtrackTo(char c) {
        while (index >= 0 && input.charAt(index) != c) {
            index--;
        }
    }

    private void consumeWhitespace() {
        while (index < input.length() && WHITESPACE.indexOf(input.charAt(index)) >= 0) {
            index++;
        }
    }
}
