package dev.belfry.cli.jmespath;

import dev.belfry.cli.json.PyJsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's semantics for the values a query sees: null, Boolean, String, integers (Long, Integer or
 * BigInteger: Python's int), Double (Python's float), List, Map and {@link ExpRef}. jmespath.py leans on
 * Python for equality (1 == 1.0, True == 1 inside lists), ordering (exact between int and float; a str and
 * an int raise TypeError), arithmetic (ints never overflow, int + float is a float) and the text of its
 * error messages ({@code str()} and {@code repr()} of values, Python type names). Stateless.
 */
final class Py {
    private Py() {}

    static boolean isInt(Object v) {
        return v instanceof Long
                || v instanceof Integer
                || v instanceof BigInteger
                || v instanceof Short
                || v instanceof Byte;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    /** An int or a float: jmespath's number (not a bool, although Python's bool is an int). */
    static boolean isNumber(Object v) {
        return isInt(v) || isFloat(v);
    }

    /** The Python type name, {@code type(v).__name__}. */
    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof String) {
            return "str";
        } else if (isInt(v)) {
            return "int";
        } else if (isFloat(v)) {
            return "float";
        } else if (v instanceof List) {
            return "list";
        } else if (v instanceof Map) {
            return "dict";
        } else if (v instanceof ExpRef) {
            return "_Expression";
        }
        return v.getClass().getSimpleName();
    }

    static BigInteger big(Object intValue) {
        if (intValue instanceof BigInteger b) {
            return b;
        } else if (intValue instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) intValue).longValue());
    }

    /** A Python int as Long when it fits, else BigInteger. */
    static Object intValue(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static double toDouble(Object number) {
        if (number instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) number).doubleValue();
    }

    /** Python's a + b over numbers (ints exact, a float on either side gives a float). */
    static Object add(Object a, Object b) {
        if (isFloat(a) || isFloat(b)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        return intValue(big(a).add(big(b)));
    }

    // ---- equality and ordering

    private static boolean numberLike(Object v) {
        return isNumber(v) || v instanceof Boolean;
    }

    /** Python's {@code a == b}, recursively (bools are the ints 0 and 1 here, as in Python). */
    static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        } else if (a == null || b == null) {
            return false;
        } else if (numberLike(a) && numberLike(b)) {
            Integer c = numCompare(a, b);
            return c != null && c == 0;
        } else if (a instanceof String s) {
            return b instanceof String && s.equals(b);
        } else if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) {
                return false;
            }
            for (int k = 0; k < x.size(); k++) {
                if (!eq(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !eq(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** -1, 0 or 1 between two Python numbers (bools count as ints), or null when unordered (NaN). */
    static Integer numCompare(Object a, Object b) {
        boolean fa = isFloat(a);
        boolean fb = isFloat(b);
        if (!fa && !fb) {
            if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            return big(a).compareTo(big(b));
        }
        if (fa && fb) {
            double x = toDouble(a);
            double y = toDouble(b);
            return x < y ? Integer.valueOf(-1) : x > y ? Integer.valueOf(1) : x == y ? Integer.valueOf(0) : null;
        }
        double f = toDouble(fa ? a : b);
        Object i = fa ? b : a;
        Integer c;
        if (Double.isNaN(f)) {
            return null;
        } else if (Double.isInfinite(f)) {
            c = f > 0 ? 1 : -1;
        } else {
            c = new BigDecimal(f).compareTo(new BigDecimal(big(i)));
        }
        return fa ? c : -c;
    }

    /**
     * Python's {@code a OP b} for OP one of &lt; &lt;= &gt; &gt;=, between numbers or between strings; other
     * pairs raise Python's TypeError.
     */
    static boolean compare(String op, Object a, Object b) {
        Integer c;
        if (numberLike(a) && numberLike(b)) {
            c = numCompare(a, b);
            if (c == null) {
                return false;
            }
        } else if (a instanceof String x && b instanceof String y) {
            c = compareCodePoints(x, y);
        } else {
            throw JmesPathException.typeError(
                    "'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
        }
        switch (op) {
            case "<":
                return c < 0;
            case "<=":
                return c <= 0;
            case ">":
                return c > 0;
            default:
                return c >= 0;
        }
    }

    /** Python orders strings by code point, Java's compareTo by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return x < y ? -1 : 1;
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    // ---- text

    /** Python's {@code str(v)}. */
    static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** Python's {@code repr(v)}. */
    static String repr(Object v) {
        StringBuilder out = new StringBuilder();
        repr(v, out);
        return out.toString();
    }

    private static void repr(Object v, StringBuilder out) {
        if (v == null) {
            out.append("None");
        } else if (v instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (v instanceof String s) {
            stringRepr(s, out);
        } else if (isFloat(v)) {
            double d = toDouble(v);
            out.append(
                    Double.isNaN(d)
                            ? "nan"
                            : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : PyJsonWriter.floatRepr(d));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                if (k > 0) {
                    out.append(", ");
                }
                repr(list.get(k), out);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                repr(e.getKey(), out);
                out.append(": ");
                repr(e.getValue(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else {
            out.append(v);
        }
    }

    private static void stringRepr(String s, StringBuilder out) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int k = 0; k < s.length(); ) {
            int c = s.codePointAt(k);
            k += Character.charCount(c);
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        }
        out.append(quote);
    }

    /** Python's str.isprintable for one code point above ASCII. */
    private static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** {@code json.dumps(v, separators=(itemSep, keySep), default=str)}, ensure_ascii as given. */
    static String jsonDumps(Object v, String itemSep, String keySep, boolean ascii) {
        StringBuilder out = new StringBuilder();
        json(v, out, itemSep, keySep, ascii);
        return out.toString();
    }

    private static void json(Object v, StringBuilder out, String itemSep, String keySep, boolean ascii) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof String s) {
            PyJsonWriter.string(out, s, ascii);
        } else if (isInt(v)) {
            out.append(v);
        } else if (isFloat(v)) {
            out.append(PyJsonWriter.floatRepr(toDouble(v)));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                if (k > 0) {
                    out.append(itemSep);
                }
                json(list.get(k), out, itemSep, keySep, ascii);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(itemSep);
                }
                first = false;
                PyJsonWriter.string(out, String.valueOf(e.getKey()), ascii);
                out.append(keySep);
                json(e.getValue(), out, itemSep, keySep, ascii);
            }
            out.append('}');
        } else {
            PyJsonWriter.string(out, str(v), ascii);
        }
    }

    // ---- int() and float() of a string, for to_number

    /** Python's str.isspace for one code point. */
    static boolean isSpace(int c) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * The string as Python's int() and float() see it: surrounding whitespace stripped and Unicode decimal
     * digits turned into ASCII ones; null when a character can be neither.
     */
    private static String asciiNumber(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        StringBuilder out = new StringBuilder();
        for (int k = start; k < end; ) {
            int c = s.codePointAt(k);
            k += Character.charCount(c);
            if (c < 0x80) {
                out.append((char) c);
            } else if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern INT = java.util.regex.Pattern.compile("[+-]?[0-9](_?[0-9])*");
    private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
            "[+-]?(([0-9](_?[0-9])*(\\.([0-9](_?[0-9])*)?)?|\\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?"
                    + "|inf|infinity|nan)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Python's int(s) in base 10, or null where it raises ValueError. */
    static Object parseInt(String s) {
        String t = asciiNumber(s);
        if (t == null || !INT.matcher(t).matches()) {
            return null;
        }
        return intValue(new BigInteger(t.replace("_", "").replace("+", "")));
    }

    /** Python's float(s), or null where it raises ValueError. */
    static Double parseFloat(String s) {
        String t = asciiNumber(s);
        if (t == null || !FLOAT.matcher(t).matches()) {
            return null;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (body.equals("nan")) {
            return Double.NaN;
        } else if (body.startsWith("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t.replace("_", ""));
    }
}
