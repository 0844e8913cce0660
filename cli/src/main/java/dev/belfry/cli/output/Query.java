package dev.belfry.cli.output;

/** A compiled --query expression. The JMESPath library is loaded only when one is given. */
public interface Query {
    Object search(Object data);
}
