package dev.belfry.rooms;

import java.util.List;

/** One page of a listing, and the opaque token of the next one (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {}
