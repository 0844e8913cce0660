package dev.belfry.rooms;

import java.util.UUID;

/** Identifier generation: lowercase UUIDv4, as Chime's own ids (D25). */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
