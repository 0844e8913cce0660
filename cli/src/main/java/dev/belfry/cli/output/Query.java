package dev.belfry.cli.output;

/** A compiled --query expression (JmesQuery). */
public interface Query {
    Object search(Object data);
}
