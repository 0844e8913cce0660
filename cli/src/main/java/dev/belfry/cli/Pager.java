package dev.belfry.cli;

import dev.belfry.cli.args.Names;
import dev.belfry.cli.http.OperationCaller;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.cli.output.PagedResponse;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * botocore's paginator as the AWS CLI drives it (paginate.py PageIterator): --starting-token (botocore's base64 JSON
 * token, whose boto_truncate_amount cuts the first page's left end), --page-size and --max-items (which cuts the last
 * page's right end and leaves a resume token). Pages are requested as they are iterated, so text output shows the
 * pages before a failing one, as the AWS CLI does. Used only when the operation has a paginator and neither
 * --no-paginate nor the model's own token/limit options were given ({@link #paginates}).
 */
final class Pager implements PagedResponse {
    private final OperationModel op;
    private final ServiceModel.Paginator paginator;
    private final Map<String, Object> params;
    private final Integer maxItems;
    private final Integer pageSize;
    private final String startingToken;
    private final OperationCaller caller;
    private String resumeToken;
    private boolean iterated;

    private Pager(
            OperationModel op,
            ServiceModel.Paginator paginator,
            Map<String, Object> params,
            Map<String, Object> values,
            OperationCaller caller) {
        this.op = op;
        this.paginator = paginator;
        this.params = params;
        this.maxItems = intValue(values, "max-items");
        this.pageSize = intValue(values, "page-size");
        this.startingToken = (String) values.get("starting-token");
        this.caller = caller;
    }

    /** The operation's paginator when the AWS CLI would paginate this call, else null. */
    static ServiceModel.Paginator paginates(
            ServiceModel model, OperationModel op, Map<String, Object> values, Map<String, Object> globals) {
        ServiceModel.Paginator p = model.paginator(op.name());
        boolean explicit = p != null
                && (values.containsKey(Names.kebab(p.inputToken())) || values.containsKey(Names.kebab(p.limitKey())));
        return p == null || explicit || Boolean.TRUE.equals(globals.get("no-paginate")) ? null : p;
    }

    static Pager of(
            OperationModel op,
            ServiceModel.Paginator paginator,
            Map<String, Object> params,
            Map<String, Object> values,
            OperationCaller caller) {
        return new Pager(op, paginator, params, values, caller);
    }

    @Override
    public List<String> resultKeys() {
        return paginator.resultKeys();
    }

    @Override
    public String resumeToken() {
        return resumeToken;
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        if (iterated) {
            throw new IllegalStateException("a Pager's pages are requested once");
        }
        iterated = true;
        return new Pages();
    }

    /** The loop of PageIterator.__iter__, one page per next(). */
    private final class Pages implements Iterator<Map<String, Object>> {
        private final String primaryKey = paginator.resultKeys().get(0);
        private final Map<String, Object> request = new LinkedHashMap<>(params);
        // the token the page being fetched was asked with: a resume token cut inside a page points at that page
        private Map<String, Object> nextToken = new LinkedHashMap<>();
        private Object previousNext;
        private int total;
        private boolean first = true;
        private boolean done;
        // botocore yields a page before it sees that the page repeats the token before it, then fails
        private CliException failure;

        Pages() {
            nextToken.put(paginator.inputToken(), null);
            if (startingToken != null) {
                nextToken = decodeStartingToken();
                nextToken.remove("boto_truncate_amount");
            }
            // botocore injects the starting token, then the page size; later tokens replace the first in place
            if (nextToken.get(paginator.inputToken()) != null) {
                request.put(paginator.inputToken(), nextToken.get(paginator.inputToken()));
            }
            if (pageSize != null) {
                request.put(paginator.limitKey(), (long) pageSize);
            }
        }

        @Override
        public boolean hasNext() {
            return !done || failure != null;
        }

        @Override
        public Map<String, Object> next() {
            if (failure != null) {
                throw failure;
            }
            if (done) {
                throw new NoSuchElementException();
            }
            Map<String, Object> page = caller.call(op, request);
            int startingCut = 0;
            if (first) {
                first = false;
                if (startingToken != null) {
                    startingCut = startingCut();
                    Object all = page.get(primaryKey);
                    page.put(
                            primaryKey,
                            all instanceof List<?> l
                                    ? new ArrayList<>(l.subList(Math.min(startingCut, l.size()), l.size()))
                                    : null);
                }
            }
            List<?> items = page.get(primaryKey) instanceof List<?> l ? l : List.of();
            if (maxItems != null && total + items.size() > maxItems) {
                int keep = maxItems - total;
                page.put(primaryKey, new ArrayList<>(items.subList(0, keep)));
                nextToken.put("boto_truncate_amount", (long) (keep + startingCut));
                resumeToken = encode(nextToken);
                done = true;
                return page;
            }
            total += items.size();
            Object next = page.get(paginator.outputToken());
            if (next == null) {
                done = true;
                return page;
            }
            nextToken = new LinkedHashMap<>();
            nextToken.put(paginator.inputToken(), next);
            if (maxItems != null && total == maxItems) {
                resumeToken = encode(nextToken);
                done = true;
                return page;
            }
            if (next.equals(previousNext)) {
                failure = new CliException(
                        "The same next token was received twice: {'" + paginator.inputToken() + "': '" + next + "'}");
                done = true;
                return page;
            }
            previousNext = next;
            request.put(paginator.inputToken(), String.valueOf(next));
            return page;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decodeStartingToken() {
        return new LinkedHashMap<>((Map<String, Object>)
                PyJsonReader.read(new String(Base64.getDecoder().decode(startingToken), StandardCharsets.UTF_8)));
    }

    private int startingCut() {
        Object amount = decodeStartingToken().get("boto_truncate_amount");
        return amount instanceof Number n ? n.intValue() : 0;
    }

    private static String encode(Map<String, Object> token) {
        return Base64.getEncoder().encodeToString(PyJsonWriter.compact(token).getBytes(StandardCharsets.UTF_8));
    }

    private static Integer intValue(Map<String, Object> values, String name) {
        Object v = values.get(name);
        return v == null ? null : Integer.valueOf(((String) v).strip());
    }
}
