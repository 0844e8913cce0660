package dev.belfry.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of a paginated call, fetched as they are iterated (botocore's PageIterator). Each page is the parsed
 * response as the service sent it, after --starting-token's left cut and --max-items' right cut. json, yaml and
 * table write {@link #fullResult()}; text and yaml-stream write page by page (formatter.py), which is why the AWS
 * CLI runs --query on each page for those two.
 */
public interface PagedResponse extends Iterable<Map<String, Object>> {
    /** The paginator's result keys, in the model's order. */
    List<String> resultKeys();

    /** The token to resume with, set once iteration stopped short because of --max-items; else null. */
    String resumeToken();

    /**
     * build_full_result: every page's result keys concatenated (a key no page had stays absent), then the
     * resume token as NextToken.
     */
    default Map<String, Object> fullResult() {
        Map<String, Object> complete = new LinkedHashMap<>();
        for (Map<String, Object> page : this) {
            for (String key : resultKeys()) {
                Object value = page.get(key);
                if (value == null) {
                    continue;
                }
                Object existing = complete.get(key);
                if (existing instanceof List<?> list && value instanceof List<?> more) {
                    List<Object> joined = new ArrayList<>(list);
                    joined.addAll(more);
                    complete.put(key, joined);
                } else if (existing == null) {
                    complete.put(key, value instanceof List<?> l ? new ArrayList<>(l) : value);
                }
            }
        }
        if (resumeToken() != null) {
            complete.put("NextToken", resumeToken());
        }
        return complete;
    }
}
