package dev.belfry.cli.http;

import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore's RestJSONParser: the output shape picks and orders what is kept (model order, unknown keys
 * dropped), ResponseMetadata comes first, and error responses yield (Code, Message) by the same rules
 * as botocore (x-amzn-ErrorType before the body's code, generic 5xx without a body). Stateless.
 */
public final class ResponseParser {
    private ResponseParser() {}

    /** The parsed success response, ResponseMetadata first, RetryAttempts filled in by the caller. */
    public static Map<String, Object> parse(WireResponse response, Shape.Structure output) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        parsed.put("ResponseMetadata", metadata(response));
        if (output != null) {
            Object body = bodyJson(response.body());
            Map<?, ?> json = body instanceof Map<?, ?> m ? m : Map.of();
            Map<String, String> headers = response.lowercaseHeaders();
            for (ShapeMember member : output.members().values()) {
                if ("header".equals(member.location())) {
                    String v = headers.get(member.locationName().toLowerCase(java.util.Locale.ROOT));
                    if (v != null) {
                        parsed.put(member.name(), v);
                    }
                } else if ("statusCode".equals(member.location())) {
                    parsed.put(member.name(), (long) response.status());
                } else if (member.inBody()) {
                    Object raw = json.get(member.wireName());
                    if (raw != null) {
                        parsed.put(member.name(), value(raw, member.shape()));
                    }
                }
            }
        }
        return parsed;
    }

    static Map<String, Object> metadata(WireResponse response) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, String> headers = response.lowercaseHeaders();
        if (headers.containsKey("x-amzn-requestid")) {
            metadata.put("RequestId", headers.get("x-amzn-requestid"));
        } else if (headers.containsKey("x-amz-request-id")) {
            metadata.put("RequestId", headers.get("x-amz-request-id"));
            metadata.put("HostId", headers.getOrDefault("x-amz-id-2", ""));
        }
        metadata.put("HTTPStatusCode", (long) response.status());
        metadata.put("HTTPHeaders", headers);
        return metadata;
    }

    /** (code, message) of an error response, exactly as botocore derives them. */
    public static String[] error(WireResponse response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() >= 500 && (text.strip().isEmpty() || text.strip().startsWith("<html>"))) {
            return new String[] {String.valueOf(response.status()), HttpReasons.reason(response.status())};
        }
        Object parsed = bodyJson(response.body());
        Map<?, ?> body = parsed instanceof Map<?, ?> m ? m : Map.of();
        Object message = body.containsKey("message")
                ? body.get("message")
                : body.containsKey("Message") ? body.get("Message") : "";
        Object code = body.containsKey("__type") ? body.get("__type") : String.valueOf(response.status());
        String codeText = code == null ? null : String.valueOf(code);
        if (codeText != null && codeText.contains("#")) {
            codeText = codeText.substring(codeText.lastIndexOf('#') + 1);
        }
        String errorType = response.header("x-amzn-errortype");
        if (errorType != null) {
            codeText = errorType.split(":", -1)[0];
        } else if (body.containsKey("code") || body.containsKey("Code")) {
            Object c = body.containsKey("code") ? body.get("code") : body.get("Code");
            codeText = c == null ? "None" : String.valueOf(c);
        }
        return new String[] {codeText, message == null ? "None" : dev.belfry.cli.param.PyRepr.str(message)};
    }

    private static Object bodyJson(byte[] bytes) {
        if (bytes.length == 0) {
            return Map.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return PyJsonReader.read(text);
        } catch (PyJsonException e) {
            Map<String, Object> fallback = new LinkedHashMap<>();
            fallback.put("message", text);
            return fallback;
        }
    }

    private static Object value(Object raw, Shape shape) {
        if (shape instanceof Shape.Structure struct && raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (ShapeMember m : struct.members().values()) {
                Object v = map.get(m.wireName());
                if (v != null) {
                    out.put(m.name(), value(v, m.shape()));
                }
            }
            return out;
        } else if (shape instanceof Shape.ListOf list && raw instanceof List<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(v -> out.add(v == null ? null : value(v, list.member().shape())));
            return out;
        } else if (shape instanceof Shape.MapOf mapShape && raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(
                    String.valueOf(k),
                    v == null ? null : value(v, mapShape.value().shape())));
            return out;
        } else if (shape instanceof Shape.Timestamp) {
            return CliTimestamps.render(raw);
        }
        return raw;
    }
}
