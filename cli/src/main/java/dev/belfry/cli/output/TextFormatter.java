package dev.belfry.cli.output;

import dev.belfry.cli.param.PyRepr;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** --output text: a port of awscli/text.py (tab-separated scalars, sorted keys, upper-cased identifiers). */
public final class TextFormatter implements Formatter {
    private final Query query;

    public TextFormatter(Query query) {
        this.query = query;
    }

    @Override
    public void format(String commandName, Map<String, Object> response, PrintStream out) {
        ResponseView.removeRequestId(response);
        write(response, out);
    }

    /**
     * Page by page, as formatter.py's TextFormatter: each page reduced to its result keys (a key the page lacks is
     * None), --query run on that page alone, then the resume token as {"NextToken": {"NextToken": …}}, which
     * --query is run on too. The AWS CLI documents the per-page query ("the query includes the first matching
     * element on each page"); --no-paginate gives one answer instead. Chime's paginators have no non-aggregate
     * keys, so the first page carries nothing more than the others.
     */
    @Override
    public void format(String commandName, PagedResponse pages, PrintStream out) {
        for (Map<String, Object> page : pages) {
            Map<String, Object> current = new LinkedHashMap<>();
            for (String key : pages.resultKeys()) {
                current.put(key, page.get(key));
            }
            write(current, out);
        }
        if (pages.resumeToken() != null) {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("NextToken", pages.resumeToken());
            write(new LinkedHashMap<>(Map.of("NextToken", token)), out);
        }
    }

    private void write(Map<String, Object> response, PrintStream out) {
        Object data = query == null ? response : query.search(response);
        StringBuilder sb = new StringBuilder();
        text(data, sb, null, null);
        out.print(sb);
        out.flush();
    }

    private static void text(Object item, StringBuilder out, String identifier, List<String> scalarKeys) {
        if (item instanceof Map<?, ?> map) {
            dict(scalarKeys, map, identifier, out);
        } else if (item instanceof List<?> list) {
            list(list, identifier, out);
        } else {
            out.append(PyRepr.str(item)).append('\n');
        }
    }

    private static void list(List<?> item, String identifier, StringBuilder out) {
        if (item.isEmpty()) {
            return;
        }
        if (item.stream().anyMatch(e -> e instanceof Map)) {
            List<String> allKeys = allScalarKeys(item);
            for (Object element : item) {
                text(element, out, identifier, allKeys);
            }
        } else if (item.stream().anyMatch(e -> e instanceof List)) {
            List<Object> scalars = new ArrayList<>();
            List<Object> nonScalars = new ArrayList<>();
            for (Object e : item) {
                (e instanceof Map || e instanceof List ? nonScalars : scalars).add(e);
            }
            if (!scalars.isEmpty()) {
                scalarList(scalars, identifier, out);
            }
            for (Object n : nonScalars) {
                text(n, out, identifier, null);
            }
        } else {
            scalarList(item, identifier, out);
        }
    }

    private static void scalarList(List<?> elements, String identifier, StringBuilder out) {
        if (identifier != null) {
            for (Object e : elements) {
                out.append(identifier.toUpperCase(java.util.Locale.ROOT))
                        .append('\t')
                        .append(PyRepr.str(e))
                        .append('\n');
            }
        } else {
            List<String> parts = new ArrayList<>();
            elements.forEach(e -> parts.add(PyRepr.str(e)));
            out.append(String.join("\t", parts)).append('\n');
        }
    }

    private static void dict(List<String> scalarKeys, Map<?, ?> item, String identifier, StringBuilder out) {
        List<String> scalars = new ArrayList<>();
        List<Map.Entry<String, Object>> nonScalars = new ArrayList<>();
        if (scalarKeys == null) {
            for (Object key : new TreeSet<>(stringKeys(item))) {
                Object value = item.get(key);
                if (value instanceof Map || value instanceof List) {
                    nonScalars.add(Map.entry((String) key, value));
                } else {
                    scalars.add(PyRepr.str(value));
                }
            }
        } else {
            for (String key : scalarKeys) {
                scalars.add(item.containsKey(key) ? PyRepr.str(item.get(key)) : "");
            }
            TreeSet<String> remaining = new TreeSet<>(stringKeys(item));
            remaining.removeAll(scalarKeys);
            for (String key : remaining) {
                nonScalars.add(new java.util.AbstractMap.SimpleEntry<>(key, item.get(key)));
            }
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase(java.util.Locale.ROOT));
            }
            out.append(String.join("\t", scalars)).append('\n');
        }
        for (Map.Entry<String, Object> e : nonScalars) {
            text(e.getValue(), out, e.getKey(), null);
        }
    }

    private static List<String> stringKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    private static List<String> allScalarKeys(List<?> listOfDicts) {
        TreeSet<String> seen = new TreeSet<>();
        for (Object o : listOfDicts) {
            if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (!(v instanceof Map) && !(v instanceof List)) {
                        seen.add(String.valueOf(k));
                    }
                });
            }
        }
        return new ArrayList<>(seen);
    }
}
