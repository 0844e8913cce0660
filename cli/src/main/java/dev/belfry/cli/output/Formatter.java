package dev.belfry.cli.output;

import java.io.PrintStream;
import java.util.Map;

/** One --output value. Implementations are stateless apart from their query. */
public interface Formatter {
    /**
     * Writes a parsed response (ResponseMetadata still in it; removing it and applying --query is the
     * formatter's job, as in formatter.py).
     */
    void format(String commandName, Map<String, Object> response, PrintStream out);
}
