package dev.belfry.rooms;

/**
 * A keyset position: the sort key of the last row returned. Listings order by (sortKey, id), both
 * immutable, so a row present for a whole listing is never repeated or skipped (D16).
 */
public record Cursor(long sortKey, String id) {}
