package dev.belfry.cli.http;

import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.model.OperationModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore's rest-json serializer (serialize.py, BaseRestSerializer + RestJSONSerializer): labels into the
 * request URI, querystring members after the URI's own query, body members as JSON in parameter order,
 * "{}" when the input has body members but none is set, no body otherwise. Stateless.
 */
public final class RequestSerializer {
    private RequestSerializer() {}

    public static WireRequest serialize(OperationModel op, Map<String, Object> params, String basePath) {
        String uri = op.requestUri();
        String staticQuery = "";
        int q = uri.indexOf('?');
        if (q >= 0) {
            staticQuery = uri.substring(q + 1);
            uri = uri.substring(0, q);
        }
        Shape.Structure input = op.input();
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        if (!staticQuery.isEmpty()) {
            query.add(staticQuery);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean hasBodyMembers = false;
        if (input != null) {
            for (ShapeMember m : input.members().values()) {
                hasBodyMembers |= m.inBody();
            }
            for (Map.Entry<String, Object> e : params.entrySet()) {
                ShapeMember m = input.member(e.getKey());
                if (m == null || e.getValue() == null) {
                    continue;
                }
                String loc = m.location();
                if ("uri".equals(loc)) {
                    uri = label(uri, m.locationName(), e.getValue());
                } else if ("querystring".equals(loc)) {
                    addQuery(query, m.locationName(), e.getValue());
                } else if ("header".equals(loc)) {
                    headers.add(Map.entry(m.locationName(), scalarText(e.getValue())));
                } else {
                    body.put(m.wireName(), serializeValue(e.getValue(), m.shape()));
                }
            }
        }
        byte[] bytes = null;
        if (!body.isEmpty()) {
            bytes = PyJsonWriter.compact(body).getBytes(StandardCharsets.UTF_8);
        } else if (hasBodyMembers) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        String path = joinPath(basePath, uri);
        return new WireRequest(op.httpMethod(), path, String.join("&", query), headers, bytes);
    }

    private static String joinPath(String basePath, String uri) {
        if (basePath == null || basePath.isEmpty() || basePath.equals("/")) {
            return uri;
        }
        return basePath.replaceAll("/+$", "") + uri;
    }

    private static String label(String uri, String name, Object value) {
        String text = scalarText(value);
        String greedy = "{" + name + "+}";
        if (uri.contains(greedy)) {
            return uri.replace(greedy, PercentEncoder.encode(text, "/~"));
        }
        return uri.replace("{" + name + "}", PercentEncoder.encode(text, "~"));
    }

    private static void addQuery(List<String> query, String name, Object value) {
        if (value instanceof List<?> list) {
            for (Object v : list) {
                query.add(PercentEncoder.encode(name, "~") + "=" + PercentEncoder.encode(scalarText(v), "~"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> query.add(
                    PercentEncoder.encode(String.valueOf(k), "~") + "=" + PercentEncoder.encode(scalarText(v), "~")));
        } else {
            query.add(PercentEncoder.encode(name, "~") + "=" + PercentEncoder.encode(scalarText(value), "~"));
        }
    }

    static String scalarText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return String.valueOf(value);
    }

    private static Object serializeValue(Object value, Shape shape) {
        if (shape instanceof Shape.Structure struct && value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                ShapeMember m = struct.member(String.valueOf(k));
                if (m != null && v != null) {
                    out.put(m.wireName(), serializeValue(v, m.shape()));
                }
            });
            return out;
        } else if (shape instanceof Shape.ListOf list && value instanceof List<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(v -> out.add(serializeValue(v, list.member().shape())));
            return out;
        } else if (shape instanceof Shape.MapOf mapShape && value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(
                    String.valueOf(k), serializeValue(v, mapShape.value().shape())));
            return out;
        } else if (shape instanceof Shape.Blob) {
            byte[] bytes = value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }
}
