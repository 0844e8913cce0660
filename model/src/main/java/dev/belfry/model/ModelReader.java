package dev.belfry.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns the parsed botocore JSON into model records, then binds every shape reference. */
final class ModelReader {
    private final Map<String, ShapeRef> refs = new HashMap<>();

    @SuppressWarnings("unchecked")
    ServiceModel read(Object serviceJson, Object paginatorJson) {
        Map<String, Object> root = (Map<String, Object>) serviceJson;
        Map<String, String> metadata = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("metadata")).forEach((k, v) -> {
            if (v instanceof String s) {
                metadata.put(k, s);
            }
        });
        Map<String, Shape> shapes = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("shapes"))
                .forEach((name, def) -> shapes.put(name, shape(name, (Map<String, Object>) def)));
        refs.forEach((name, ref) -> ref.bind(shapes.get(name)));
        Map<String, OperationModel> operations = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("operations"))
                .forEach((name, def) -> operations.put(name, operation(name, (Map<String, Object>) def, shapes)));
        return new ServiceModel(
                metadata, operations, shapes, ServiceModel.paginatorsOf((Map<String, Object>) paginatorJson));
    }

    @SuppressWarnings("unchecked")
    private OperationModel operation(String name, Map<String, Object> def, Map<String, Shape> shapes) {
        Map<String, Object> http = (Map<String, Object>) def.get("http");
        List<String> errors = new ArrayList<>();
        for (Object e : (List<Object>) def.getOrDefault("errors", List.of())) {
            errors.add((String) ((Map<String, Object>) e).get("shape"));
        }
        return new OperationModel(
                name,
                (String) http.get("method"),
                (String) http.get("requestUri"),
                http.containsKey("responseCode") ? ((Number) http.get("responseCode")).intValue() : 200,
                structureRef(def.get("input"), shapes),
                structureRef(def.get("output"), shapes),
                List.copyOf(errors),
                Boolean.TRUE.equals(def.get("deprecated")),
                (String) def.get("documentation"));
    }

    @SuppressWarnings("unchecked")
    private static Shape.Structure structureRef(Object ref, Map<String, Shape> shapes) {
        if (ref == null) {
            return null;
        }
        return (Shape.Structure) shapes.get((String) ((Map<String, Object>) ref).get("shape"));
    }

    @SuppressWarnings("unchecked")
    private Shape shape(String name, Map<String, Object> def) {
        String type = (String) def.get("type");
        String doc = (String) def.get("documentation");
        Long min = number(def.get("min"));
        Long max = number(def.get("max"));
        return switch (type) {
            case "structure" -> {
                Map<String, ShapeMember> members = new LinkedHashMap<>();
                ((Map<String, Object>) def.getOrDefault("members", Map.of()))
                        .forEach((memberName, m) ->
                                members.put(memberName, member(memberName, (Map<String, Object>) m)));
                Map<String, Object> error = (Map<String, Object>) def.get("error");
                Shape.ErrorTrait trait = Boolean.TRUE.equals(def.get("exception"))
                        ? new Shape.ErrorTrait(
                                error != null && error.get("httpStatusCode") != null
                                        ? ((Number) error.get("httpStatusCode")).intValue()
                                        : 400,
                                Boolean.TRUE.equals(def.get("fault")))
                        : null;
                List<String> required = (List<String>) def.getOrDefault("required", List.of());
                yield new Shape.Structure(name, members, new LinkedHashSet<>(required), trait, doc);
            }
            case "list" ->
                new Shape.ListOf(name, member("member", (Map<String, Object>) def.get("member")), min, max, doc);
            case "map" ->
                new Shape.MapOf(
                        name,
                        member("key", (Map<String, Object>) def.get("key")),
                        member("value", (Map<String, Object>) def.get("value")),
                        min,
                        max,
                        doc);
            case "string" ->
                new Shape.Str(
                        name,
                        (List<String>) def.getOrDefault("enum", List.of()),
                        min,
                        max,
                        (String) def.get("pattern"),
                        Boolean.TRUE.equals(def.get("sensitive")),
                        doc);
            case "integer", "long", "float", "double" -> new Shape.Num(name, type, min, max, doc);
            case "boolean" -> new Shape.Bool(name, doc);
            case "timestamp" ->
                new Shape.Timestamp(name, (String) def.getOrDefault("timestampFormat", "unixTimestamp"), doc);
            case "blob" -> new Shape.Blob(name, doc);
            default -> throw new IllegalArgumentException("unsupported shape type " + type + " of " + name);
        };
    }

    private ShapeMember member(String name, Map<String, Object> def) {
        ShapeRef target = refs.computeIfAbsent((String) def.get("shape"), ShapeRef::new);
        return new ShapeMember(
                name,
                target,
                (String) def.get("location"),
                (String) def.get("locationName"),
                Boolean.TRUE.equals(def.get("idempotencyToken")),
                Boolean.TRUE.equals(def.get("deprecated")),
                (String) def.get("documentation"));
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
