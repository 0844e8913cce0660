package dev.belfry.rooms;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Page-size rules and the fetch-one-more trick that tells whether a next page exists. */
final class Paging {
    private Paging() {}

    static int size(Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw DomainException.badRequest("MaxResults must be between 1 and " + max + ".");
        }
        return requested;
    }

    /** Turns {@code size + 1} fetched rows into a page whose token points after its last row. */
    static <T> Page<T> page(
            List<T> fetched,
            int size,
            PageTokens tokens,
            String scope,
            ToLongFunction<T> sortKey,
            Function<T, String> id) {
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        T last = items.get(size - 1);
        return new Page<>(items, tokens.encode(scope, new Cursor(sortKey.applyAsLong(last), id.apply(last))));
    }
}
