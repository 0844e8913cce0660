package dev.belfry.server.ops;

import dev.belfry.rooms.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** A domain page as a list output, {"Rooms":[…],"NextToken":…}, its two member names checked when bound. */
final class Pages {
    private final String listMember;
    private final String tokenMember;

    private Pages(String listMember, String tokenMember) {
        this.listMember = listMember;
        this.tokenMember = tokenMember;
    }

    static Pages of(OperationBinding op, String listMember) {
        return new Pages(op.output(listMember), op.output("NextToken"));
    }

    <T> Map<String, Object> render(Page<T> page, View<T> view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(listMember, page.items().stream().map(view::render).toList());
        out.put(tokenMember, page.nextToken());
        return out;
    }
}
