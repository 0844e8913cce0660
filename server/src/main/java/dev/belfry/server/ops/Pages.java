package dev.belfry.server.ops;

import dev.belfry.rooms.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A domain page as a list output: {"Rooms":[…],"NextToken":…}. */
final class Pages {
    private Pages() {}

    static <T> Map<String, Object> of(String listMember, Page<T> page, Function<T, Map<String, Object>> view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(listMember, page.items().stream().map(view).toList());
        out.put("NextToken", page.nextToken());
        return out;
    }
}
