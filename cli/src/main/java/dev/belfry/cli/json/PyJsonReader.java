package dev.belfry.cli.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON reader that accepts what Python's {@code json.loads} accepts (NaN, Infinity, duplicate keys
 * keep the last value; Python 3.11's messages, which predate 3.13's trailing-comma wording) and fails with Python's exact messages ("Expecting value: line 1 column 1
 * (char 0)"), because the AWS CLI prints those messages verbatim in its "Invalid JSON" errors.
 * Integers become Long or BigInteger, other numbers Double. Not thread-safe; one instance per read.
 */
public final class PyJsonReader {
    private final String s;
    private int i;

    private PyJsonReader(String s) {
        this.s = s;
    }

    public static Object read(String text) {
        PyJsonReader reader = new PyJsonReader(text);
        int start = reader.skipWs(0);
        Object value = reader.value(start);
        int end = reader.skipWs(reader.i);
        if (end != text.length()) {
            throw reader.error("Extra data", end);
        }
        return value;
    }

    private Object value(int at) {
        i = at;
        if (at >= s.length()) {
            throw error("Expecting value", at);
        }
        char c = s.charAt(at);
        switch (c) {
            case '"':
                return string(at + 1);
            case '{':
                return object(at + 1);
            case '[':
                return array(at + 1);
            default:
                break;
        }
        if (s.startsWith("null", at)) {
            i = at + 4;
            return null;
        } else if (s.startsWith("true", at)) {
            i = at + 4;
            return Boolean.TRUE;
        } else if (s.startsWith("false", at)) {
            i = at + 5;
            return Boolean.FALSE;
        } else if (s.startsWith("NaN", at)) {
            i = at + 3;
            return Double.NaN;
        } else if (s.startsWith("Infinity", at)) {
            i = at + 8;
            return Double.POSITIVE_INFINITY;
        } else if (s.startsWith("-Infinity", at)) {
            i = at + 9;
            return Double.NEGATIVE_INFINITY;
        }
        return number(at);
    }

    private Object number(int at) {
        java.util.regex.Matcher m = NUMBER.matcher(s);
        m.region(at, s.length());
        if (!m.lookingAt()) {
            throw error("Expecting value", at);
        }
        i = m.end();
        if (m.group(2) == null && m.group(3) == null) {
            BigInteger big = new BigInteger(m.group(1));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return Double.parseDouble(m.group());
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("(-?(?:0|[1-9]\\d*))(\\.\\d+)?([eE][-+]?\\d+)?");

    private Map<String, Object> object(int at) {
        Map<String, Object> map = new LinkedHashMap<>();
        int p = skipWs(at);
        if (p < s.length() && s.charAt(p) == '}') {
            i = p + 1;
            return map;
        }
        while (true) {
            if (p >= s.length() || s.charAt(p) != '"') {
                throw error("Expecting property name enclosed in double quotes", p);
            }
            String key = string(p + 1);
            p = skipWs(i);
            if (p >= s.length() || s.charAt(p) != ':') {
                throw error("Expecting ':' delimiter", p);
            }
            p = skipWs(p + 1);
            map.put(key, value(p));
            p = skipWs(i);
            if (p < s.length() && s.charAt(p) == '}') {
                i = p + 1;
                return map;
            }
            if (p >= s.length() || s.charAt(p) != ',') {
                throw error("Expecting ',' delimiter", p);
            }
            p = skipWs(p + 1);
        }
    }

    private List<Object> array(int at) {
        List<Object> list = new ArrayList<>();
        int p = skipWs(at);
        if (p < s.length() && s.charAt(p) == ']') {
            i = p + 1;
            return list;
        }
        while (true) {
            list.add(value(p));
            p = skipWs(i);
            if (p < s.length() && s.charAt(p) == ']') {
                i = p + 1;
                return list;
            }
            if (p >= s.length() || s.charAt(p) != ',') {
                throw error("Expecting ',' delimiter", p);
            }
            p = skipWs(p + 1);
        }
    }

    private String string(int at) {
        StringBuilder out = new StringBuilder();
        int p = at;
        while (true) {
            if (p >= s.length()) {
                throw error("Unterminated string starting at", at - 1);
            }
            char c = s.charAt(p);
            if (c == '"') {
                i = p + 1;
                return out.toString();
            } else if (c == '\\') {
                p = escape(p, at, out);
            } else if (c < 0x20) {
                throw error("Invalid control character at", p);
            } else {
                out.append(c);
                p++;
            }
        }
    }

    private int escape(int p, int start, StringBuilder out) {
        if (p + 1 >= s.length()) {
            throw error("Unterminated string starting at", start - 1);
        }
        char e = s.charAt(p + 1);
        String simple = switch (e) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case '/' -> "/";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            default -> null;
        };
        if (simple != null) {
            out.append(simple);
            return p + 2;
        }
        if (e != 'u') {
            throw error("Invalid \\escape", p);
        }
        if (p + 6 > s.length() || !s.substring(p + 2, p + 6).matches("[0-9a-fA-F]{4}")) {
            throw error("Invalid \\uXXXX escape", p + 1);
        }
        out.append((char) Integer.parseInt(s.substring(p + 2, p + 6), 16));
        return p + 6;
    }

    private int skipWs(int at) {
        int p = at;
        while (p < s.length() && " \t\n\r".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
        return p;
    }

    private PyJsonException error(String message, int pos) {
        int line = 1;
        int lastNewline = -1;
        for (int k = 0; k < pos && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                lastNewline = k;
            }
        }
        int column = pos - lastNewline;
        return new PyJsonException(message + ": line " + line + " column " + column + " (char " + pos + ")");
    }
}
