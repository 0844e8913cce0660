package dev.belfry.cli.json;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes values the way Python's {@code json.dumps} does: the AWS CLI's output ({@code indent=4,
 * ensure_ascii=False}) and botocore's request bodies (no indent, {@code ", "} and {@code ": "}
 * separators, ASCII only). Stateless and thread-safe.
 */
public final class PyJsonWriter {
    private PyJsonWriter() {}

    /** {@code json.dumps(value, indent=4, ensure_ascii=False)}. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, true, false);
        return out.toString();
    }

    /** {@code json.dumps(value)}: botocore's request body. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1, false, true);
        return out.toString();
    }

    /** {@code json.dumps(value, ensure_ascii=False)} on one line. */
    public static String inline(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1, false, false);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int level, boolean indent, boolean ascii) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(out, level + 1, indent);
                string(out, String.valueOf(e.getKey()), ascii);
                out.append(": ");
                write(out, e.getValue(), level + 1, indent, ascii);
                if (it.hasNext()) {
                    out.append(indent ? "," : ", ");
                }
            }
            newline(out, level, indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                newline(out, level + 1, indent);
                write(out, list.get(k), level + 1, indent, ascii);
                if (k < list.size() - 1) {
                    out.append(indent ? "," : ", ");
                }
            }
            newline(out, level, indent);
            out.append(']');
        } else {
            scalar(out, value, ascii);
        }
    }

    private static void newline(StringBuilder out, int level, boolean indent) {
        if (indent) {
            out.append('\n').append(" ".repeat(4 * level));
        }
    }

    private static void scalar(StringBuilder out, Object value, boolean ascii) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s, ascii);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof byte[] bytes) {
            string(out, Base64.getEncoder().encodeToString(bytes), ascii);
        } else {
            out.append(value);
        }
    }

    /** Python's float repr: shortest round-trip digits, fixed notation between 1e-4 and 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        } else if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = bd.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    public static void string(StringBuilder out, String s, boolean ascii) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
