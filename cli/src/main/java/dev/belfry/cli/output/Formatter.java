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

    /** Writes a paginated response: the full result, as FullyBufferedFormatter does; text and yaml-stream stream. */
    default void format(String commandName, PagedResponse pages, PrintStream out) {
        format(commandName, pages.fullResult(), out);
    }
}
