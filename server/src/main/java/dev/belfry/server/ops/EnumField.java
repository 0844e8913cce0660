package dev.belfry.server.ops;

/** An enum input member read as one of the domain's enums (whose constants are spelled as the wire values). */
public record EnumField<E extends Enum<E>>(String member, Class<E> type) {}
