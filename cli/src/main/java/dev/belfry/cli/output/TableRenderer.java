package dev.belfry.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A port of formatter.py's TableFormatter building logic and table.py's MultiTable rendering (no colour:
 * output is not a terminal in scripts; terminal width 80 as when stdout is not a tty).
 */
final class TableRenderer {
    private static final int TERMINAL_WIDTH = 80;
    private final List<TableSection> sections = new ArrayList<>();
    private TableSection current;

    boolean build(String title, Object data) {
        if (isEmpty(data)) {
            return false;
        }
        if (title != null) {
            newSection(title, 0);
        }
        buildTable(data, 0, title);
        return true;
    }

    private static boolean isEmpty(Object data) {
        return data == null
                || (data instanceof Map<?, ?> m && m.isEmpty())
                || (data instanceof List<?> l && l.isEmpty())
                || (data instanceof String s && s.isEmpty())
                || Boolean.FALSE.equals(data)
                || (data instanceof Number n && n.doubleValue() == 0);
    }

    private boolean buildTable(String title, Object data, int indent) {
        if (isEmpty(data)) {
            return false;
        }
        if (title != null) {
            newSection(title, indent);
        }
        buildTable(data, indent, title);
        return true;
    }

    private void buildTable(Object data, int indent, String title) {
        if (data instanceof List<?> list) {
            if (list.get(0) instanceof Map) {
                subTableFromList(list, indent, title);
            } else {
                for (Object item : list) {
                    if (scalar(item)) {
                        current.addRow(java.util.Collections.singletonList(item));
                    } else if (item instanceof List<?> l && l.stream().allMatch(TableRenderer::scalar)) {
                        current.addRow(l);
                    } else {
                        buildTable(null, item, 0);
                    }
                }
            }
        }
        if (data instanceof Map<?, ?> map) {
            subTableFromDict(map, indent);
        }
    }

    private void subTableFromDict(Map<?, ?> map, int indent) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        group(map, headers, more);
        if (headers.size() == 1) {
            current.addRow(java.util.Arrays.asList(headers.get(0), map.get(headers.get(0))));
        } else if (!headers.isEmpty()) {
            current.addHeader(headers);
            List<Object> row = new ArrayList<>();
            headers.forEach(h -> row.add(map.get(h)));
            current.addRow(row);
        }
        for (String remaining : more) {
            buildTable(remaining, map.get(remaining), indent + 1);
        }
    }

    private void subTableFromList(List<?> list, int indent, String title) {
        TreeSet<String> headerSet = new TreeSet<>();
        TreeSet<String> moreSet = new TreeSet<>();
        for (Object item : list) {
            List<String> h = new ArrayList<>();
            List<String> m = new ArrayList<>();
            group((Map<?, ?>) item, h, m);
            headerSet.addAll(h);
            moreSet.addAll(m);
        }
        List<String> headers = new ArrayList<>(headerSet);
        current.addHeader(headers);
        boolean first = true;
        for (Object element : list) {
            Map<?, ?> e = (Map<?, ?>) element;
            if (!first && !moreSet.isEmpty()) {
                newSection(title, indent);
                current.addHeader(headers);
            }
            first = false;
            List<Object> row = new ArrayList<>();
            headers.forEach(h -> row.add(e.containsKey(h) ? e.get(h) : ""));
            current.addRow(row);
            for (String remaining : moreSet) {
                if (e.containsKey(remaining)) {
                    buildTable(remaining, e.get(remaining), indent + 1);
                }
            }
        }
    }

    private static void group(Map<?, ?> map, List<String> headers, List<String> more) {
        map.forEach((k, v) -> (scalar(v) ? headers : more).add(String.valueOf(k)));
        headers.sort(null);
        more.sort(null);
    }

    private static boolean scalar(Object o) {
        return !(o instanceof Map) && !(o instanceof List);
    }

    private void newSection(String title, int indent) {
        current = new TableSection();
        sections.add(current);
        current.title = title;
        current.indentLevel = indent;
    }

    String render() {
        int maxWidth = maxWidth();
        if (maxWidth > TERMINAL_WIDTH) {
            toVertical();
            maxWidth = maxWidth();
        }
        StringBuilder out = new StringBuilder("-".repeat(maxWidth)).append('\n');
        for (TableSection s : sections) {
            renderSection(s, maxWidth, out);
        }
        return out.toString();
    }

    private int maxWidth() {
        int max = 0;
        for (TableSection s : sections) {
            max = Math.max(max, s.totalWidth(4, true, s.indentLevel));
        }
        return max;
    }

    private void toVertical() {
        for (int i = 0; i < sections.size(); i++) {
            TableSection s = sections.get(i);
            if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                TableSection v = new TableSection();
                v.title = s.title;
                v.indentLevel = s.indentLevel;
                for (int k = 0; k < Math.min(s.headers.size(), s.rows.get(0).size()); k++) {
                    v.addRow(List.of(s.headers.get(k), s.rows.get(0).get(k)));
                }
                sections.set(i, v);
            }
        }
    }

    private static void renderSection(TableSection s, int maxWidth, StringBuilder out) {
        String indent = "|".repeat(s.indentLevel);
        int width = maxWidth - s.indentLevel * 2;
        List<String> lines = new ArrayList<>();
        if (!s.title.isEmpty()) {
            lines.add(TableText.center(s.title, width, "|", "|"));
            if (s.headers.isEmpty() && s.rows.isEmpty()) {
                lines.add("+" + "-".repeat(width - 2) + "+");
            }
        }
        if (!s.headers.isEmpty()) {
            List<Integer> widths = s.columnWidths(4, width);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < Math.min(widths.size(), s.headers.size()); i++) {
                line.append(TableText.center(s.headers.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
            }
            lines.add(lineBreak(widths));
            lines.add(line.toString());
        }
        if (!s.rows.isEmpty()) {
            List<Integer> widths = s.columnWidths(4, width);
            if (!widths.isEmpty()) {
                lines.add(lineBreak(widths));
                for (List<String> row : s.rows) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < Math.min(widths.size(), row.size()); i++) {
                        line.append(TableText.alignLeft(row.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
                    }
                    lines.add(line.toString());
                }
                lines.add(lineBreak(widths));
            }
        }
        for (String line : lines) {
            out.append(indent).append(line).append(indent).append('\n');
        }
    }

    private static String lineBreak(List<Integer> widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.size(); i++) {
            sb.append(i == 0 ? "+" + "-".repeat(widths.get(i) - 2) + "+" : "-".repeat(widths.get(i) - 1) + "+");
        }
        return sb.toString();
    }
}
