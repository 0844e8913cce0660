package dev.belfry.cli.output;

import java.util.Map;

/**
 * What every formatter does before writing (formatter.py {@code _get_transformed_response_for_output}):
 * ResponseMetadata is dropped unless the response has an "Errors" key, then --query is applied.
 */
public final class ResponseView {
    private ResponseView() {}

    public static Object transform(Map<String, Object> response, Query query) {
        removeRequestId(response);
        return query == null ? response : query.search(response);
    }

    public static void removeRequestId(Map<String, Object> response) {
        if (!response.containsKey("Errors")) {
            response.remove("ResponseMetadata");
        }
    }
}
