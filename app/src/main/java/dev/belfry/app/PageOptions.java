package dev.belfry.app;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The paging options of a `belfry admin` listing that prints one page per call (list-room-messages,
 * list-bot-deliveries): the model's MaxResults and NextToken, passed on only when given.
 */
final class PageOptions {
    @Option(names = "--max-results", description = "Entries per page (1-100, default 50).")
    Integer maxResults;

    @Option(names = "--next-token", description = "The NextToken of the page before.")
    String nextToken;

    void addTo(Map<String, Object> params) {
        if (maxResults != null) {
            params.put("MaxResults", maxResults);
        }
        if (nextToken != null) {
            params.put("NextToken", nextToken);
        }
    }
}
