package dev.belfry.server.ops;

/**
 * An input member an adapter reads, checked against the operation's input shape when the adapter was bound.
 *
 * @param member the model's member name, e.g. {@code AccountId}
 */
public record Field<T>(String member, Class<T> type) {}
