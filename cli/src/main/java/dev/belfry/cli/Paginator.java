package dev.belfry.cli;

import dev.belfry.cli.http.OperationCaller;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore's paginator as the AWS CLI drives it: --starting-token (botocore's base64 JSON token),
 * --page-size and --max-items, all pages merged into one result (build_full_result) with a NextToken
 * only when --max-items cut the results short. Used only when the operation has a paginator and
 * neither --no-paginate nor the model's own token/limit options were given.
 */
final class Pager {
    private final OperationModel op;
    private final ServiceModel.Paginator paginator;
    private final Map<String, Object> values;
    private final OperationCaller caller;

    Pager(
            ServiceModel model,
            OperationModel op,
            Map<String, Object> values,
            Map<String, Object> globals,
            OperationCaller caller) {
        ServiceModel.Paginator p = model.paginator(op.name());
        boolean explicit = p != null
                && (values.containsKey(dev.belfry.cli.args.Names.kebab(p.inputToken()))
                        || values.containsKey(dev.belfry.cli.args.Names.kebab(p.limitKey())));
        this.paginator = p == null || explicit || Boolean.TRUE.equals(globals.get("no-paginate")) ? null : p;
        this.op = op;
        this.values = values;
        this.caller = caller;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(Map<String, Object> params) {
        if (paginator == null) {
            return caller.call(op, params);
        }
        String resultKey = paginator.resultKeys().get(0);
        Integer maxItems = intValue("max-items");
        Integer pageSize = intValue("page-size");
        String token = null;
        int skip = 0;
        if (values.get("starting-token") != null) {
            Map<String, Object> decoded = (Map<String, Object>) PyJsonReader.read(new String(
                    Base64.getDecoder().decode((String) values.get("starting-token")), StandardCharsets.UTF_8));
            token = (String) decoded.get(paginator.inputToken());
            skip = decoded.containsKey("boto_truncate_amount")
                    ? ((Number) decoded.get("boto_truncate_amount")).intValue()
                    : 0;
        }
        List<Object> results = new ArrayList<>();
        Object previousNext = null;
        Map<String, Object> resume = null;
        // botocore injects the starting token, then the page size, and later tokens replace the first in place.
        Map<String, Object> request = new LinkedHashMap<>(params);
        if (token != null) {
            request.put(paginator.inputToken(), token);
        }
        if (pageSize != null) {
            request.put(paginator.limitKey(), (long) pageSize);
        }
        while (true) {
            if (token != null) {
                request.put(paginator.inputToken(), token);
            }
            Map<String, Object> page = caller.call(op, request);
            List<Object> items = page.get(resultKey) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            if (skip > 0) {
                items = new ArrayList<>(items.subList(Math.min(skip, items.size()), items.size()));
                skip = 0;
            }
            Object next = page.get(paginator.outputToken());
            if (maxItems != null && results.size() + items.size() >= maxItems) {
                int needed = maxItems - results.size();
                results.addAll(items.subList(0, needed));
                if (needed < items.size()) {
                    resume = new LinkedHashMap<>();
                    resume.put(paginator.inputToken(), token);
                    resume.put("boto_truncate_amount", (long) needed);
                } else if (next != null) {
                    resume = new LinkedHashMap<>(Map.of(paginator.inputToken(), next));
                }
                break;
            }
            results.addAll(items);
            if (next == null) {
                break;
            }
            if (next.equals(previousNext)) {
                throw new CliException(
                        "The same next token was received twice: {'" + paginator.inputToken() + "': '" + next + "'}");
            }
            previousNext = next;
            token = String.valueOf(next);
        }
        Map<String, Object> full = new LinkedHashMap<>();
        full.put(resultKey, results);
        if (resume != null) {
            full.put(
                    "NextToken",
                    Base64.getEncoder()
                            .encodeToString(PyJsonWriter.compact(resume).getBytes(StandardCharsets.UTF_8)));
        }
        return full;
    }

    private Integer intValue(String name) {
        Object v = values.get(name);
        return v == null ? null : Integer.valueOf(((String) v).strip());
    }
}
