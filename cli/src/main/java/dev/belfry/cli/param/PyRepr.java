package dev.belfry.cli.param;

import dev.belfry.cli.json.PyJsonWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of parameter values, because botocore's validation
 * messages embed them ("value: {'MemberId': 'x'}, type: &lt;class 'dict'&gt;").
 */
public final class PyRepr {
    private PyRepr() {}

    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    public static String repr(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String s) {
            return stringRepr(s);
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof Double d) {
            String r = PyJsonWriter.floatRepr(d);
            return r.equals("NaN") ? "nan" : r.equals("Infinity") ? "inf" : r.equals("-Infinity") ? "-inf" : r;
        } else if (value instanceof byte[] bytes) {
            return "b'" + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) + "'";
        } else if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        } else if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int k = 0; k < list.size(); k++) {
                out.append(k > 0 ? ", " : "").append(repr(list.get(k)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    public static String typeOf(Object value) {
        String name;
        if (value == null) {
            name = "NoneType";
        } else if (value instanceof String) {
            name = "str";
        } else if (value instanceof Boolean) {
            name = "bool";
        } else if (value instanceof Double) {
            name = "float";
        } else if (value instanceof Number) {
            name = "int";
        } else if (value instanceof Map) {
            name = "dict";
        } else if (value instanceof List) {
            name = "list";
        } else {
            name = "bytes";
        }
        return "<class '" + name + "'>";
    }

    private static String stringRepr(String s) {
        char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
