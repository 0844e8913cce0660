package dev.belfry.cli.output;

import dev.belfry.cli.jmespath.ExpRef;
import java.util.List;
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

    /**
     * The first {@code &expression} value a query left in its result, in the order a writer meets it, or
     * null. The AWS CLI cannot write one: json.dump fails with "Circular reference detected" after what it
     * wrote before it, ruamel.yaml with "cannot represent an object".
     */
    static ExpRef firstExpressionReference(Object value) {
        if (value instanceof ExpRef ref) {
            return ref;
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                ExpRef ref = firstExpressionReference(v);
                if (ref != null) {
                    return ref;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                ExpRef ref = firstExpressionReference(v);
                if (ref != null) {
                    return ref;
                }
            }
        }
        return null;
    }

    public static void removeRequestId(Map<String, Object> response) {
        if (!response.containsKey("Errors")) {
            response.remove("ResponseMetadata");
        }
    }
}
