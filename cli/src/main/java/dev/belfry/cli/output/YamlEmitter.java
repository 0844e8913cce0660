package dev.belfry.cli.output;

import dev.belfry.cli.json.PyJsonWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Block YAML as ruamel.yaml's safe dumper writes it for the AWS CLI (default_flow_style False): keys
 * sorted, two-space mappings, sequences not indented under their key, empty collections in
 * flow style, and strings quoted (single quotes, or double quotes when they need escapes) whenever a
 * plain scalar would read back as something else.
 */
final class YamlEmitter {
    private static final Pattern PLAIN_UNSAFE = Pattern.compile(
            "^$|^[-?:,\\[\\]{}#&*!|>'\"%@`~ ]|[:#] |: |\\s#|:$|^\\s|\\s$|^(true|false|null|~)$"
                    + "|^[-+]?(\\.[0-9]+|[0-9][0-9_]*)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?$|^[-+]?\\.(inf|nan)$|^\\d{4}-\\d\\d?-\\d\\d?"
                    + "|^0[xob]|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+",
            Pattern.CASE_INSENSITIVE);

    private YamlEmitter() {}

    static String emit(Object value) {
        StringBuilder out = new StringBuilder();
        node(out, value, 0, false);
        return out.toString();
    }

    private static void node(StringBuilder out, Object value, int indent, boolean inSequence) {
        if (value instanceof Map<?, ?> unsorted) {
            boolean first = true;
            java.util.TreeMap<String, Object> map = new java.util.TreeMap<>();
            unsorted.forEach((k, v) -> map.put(String.valueOf(k), v));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(first && inSequence)) {
                    out.append(" ".repeat(indent));
                }
                first = false;
                out.append(scalar(String.valueOf(e.getKey())));
                child(out, e.getValue(), indent, false);
            }
        } else if (value instanceof List<?> list) {
            boolean first = true;
            for (Object item : list) {
                if (!(first && inSequence)) {
                    out.append(" ".repeat(indent));
                }
                first = false;
                out.append("-");
                child(out, item, indent, true);
            }
        }
    }

    private static void child(StringBuilder out, Object value, int indent, boolean fromSequence) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            if (fromSequence) {
                out.append(' ');
                node(out, value, indent + 2, true);
            } else {
                out.append(":\n");
                node(out, value, indent + 2, false);
            }
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            if (fromSequence) {
                out.append(' ');
                node(out, value, indent + 2, true);
            } else {
                out.append(":\n");
                node(out, value, indent, false);
            }
        } else {
            out.append(fromSequence ? " " : ": ")
                    .append(scalarValue(value, indent + 2))
                    .append('\n');
        }
    }

    private static String scalarValue(Object value, int indent) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean b) {
            return b ? "true" : "false";
        } else if (value instanceof Map) {
            return "{}";
        } else if (value instanceof List) {
            return "[]";
        } else if (value instanceof Double d) {
            return PyJsonWriter.floatRepr(d).replace("Infinity", ".inf").replace("NaN", ".nan");
        } else if (value instanceof Number) {
            return value.toString();
        }
        return scalar(String.valueOf(value), indent);
    }

    static String scalar(String s) {
        return scalar(s, 2);
    }

    /** A string scalar; line breaks fold into single-quoted style, continuation lines at {@code indent}. */
    static String scalar(String s, int indent) {
        boolean onlyNewlines = s.contains("\n") && s.chars().noneMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f);
        if (onlyNewlines) {
            String body = s.replace("'", "''").replace("\n", "\n\n" + " ".repeat(indent));
            return "'" + body + "'";
        }
        boolean needsEscape = s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (needsEscape) {
            StringBuilder sb = new StringBuilder();
            PyJsonWriter.string(sb, s, false);
            return sb.toString();
        }
        if (PLAIN_UNSAFE.matcher(s).find()) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }
}
