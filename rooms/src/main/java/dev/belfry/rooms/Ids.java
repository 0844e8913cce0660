package dev.belfry.rooms;

import java.util.UUID;

/** Identifier generation: lowercase UUIDv4, as Chime's own ids (D25). */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * {@code fixed} when given (a fixture's id, D93), checked to have the shape of Belfry's own ids so every client's
     * patterns accept it; a new id otherwise.
     */
    public static String orNew(String fixed) {
        if (fixed == null) {
            return newId();
        }
        if (!ID.matcher(fixed).matches()) {
            throw DomainException.badRequest(
                    "A fixed id must be a lowercase UUID such as 1b3c5d7e-0000-4000-8000-000000000001, was " + fixed);
        }
        return fixed;
    }
}
