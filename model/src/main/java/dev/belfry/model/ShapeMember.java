package dev.belfry.model;

/**
 * A member of a structure, list or map. {@code target} is resolved once the whole model is read, so
 * recursive shapes are fine.
 *
 * @param location where the member travels in a request: body (null), uri, querystring or header
 * @param locationName its name there (path label, query key, header name)
 */
public record ShapeMember(
        String name,
        ShapeRef target,
        String location,
        String locationName,
        boolean idempotencyToken,
        boolean deprecated,
        String documentation) {

    public Shape shape() {
        return target.get();
    }

    public boolean inBody() {
        return location == null;
    }

    /** The JSON key of a body member (jsonName is not used by this model; locationName never is for rest-json bodies). */
    public String wireName() {
        return locationName != null && inBody() ? locationName : name;
    }
}
