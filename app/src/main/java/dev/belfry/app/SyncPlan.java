package dev.belfry.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code belfry rooms sync-members} changes to make a room's members the desired list (D81): adds of the listed
 * members who are not in the room, role changes of listed members whose role differs (a listed member without a role
 * keeps the one it has), and removals of User members who are not listed. Bots and webhooks are left alone unless
 * listed (then added or given a role like anyone): they join through their own ways, and a directory export does
 * not list them.
 */
record SyncPlan(List<MemberList.Entry> adds, List<Change> roleChanges, List<Current> removals) {
    /** A member of the room as ListRoomMemberships shows it. */
    record Current(String memberId, String type, String role) {}

    record Change(String memberId, String from, String to) {}

    static SyncPlan of(List<MemberList.Entry> desired, List<Current> current, boolean keepAbsent) {
        Map<String, MemberList.Entry> wanted = new LinkedHashMap<>();
        for (MemberList.Entry e : desired) {
            wanted.put(e.memberId(), e); // listed twice: the later line wins, as in a batch
        }
        Map<String, Current> now = new LinkedHashMap<>();
        current.forEach(c -> now.put(c.memberId(), c));
        List<MemberList.Entry> adds = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (MemberList.Entry e : wanted.values()) {
            Current c = now.get(e.memberId());
            if (c == null) {
                adds.add(e);
            } else if (e.role() != null && !e.role().equals(c.role())) {
                changes.add(new Change(e.memberId(), c.role(), e.role()));
            }
        }
        List<Current> removals = new ArrayList<>();
        if (!keepAbsent) {
            for (Current c : current) {
                if (!wanted.containsKey(c.memberId()) && "User".equals(c.type())) {
                    removals.add(c);
                }
            }
        }
        return new SyncPlan(List.copyOf(adds), List.copyOf(changes), List.copyOf(removals));
    }

    boolean empty() {
        return adds.isEmpty() && roleChanges.isEmpty() && removals.isEmpty();
    }

    /** The plan as an answer for --output / --query: {"Add":[…],"ChangeRole":[…],"Remove":[…]}. */
    Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "Add",
                adds.stream().map(e -> item(e.memberId(), "Role", e.role())).toList());
        out.put(
                "ChangeRole",
                roleChanges.stream()
                        .map(c -> {
                            Map<String, Object> m = item(c.memberId(), "RoleBefore", c.from());
                            m.put("RoleAfter", c.to());
                            return (Object) m;
                        })
                        .toList());
        out.put(
                "Remove",
                removals.stream()
                        .map(c -> {
                            Map<String, Object> m = item(c.memberId(), "MemberType", c.type());
                            m.put("Role", c.role());
                            return (Object) m;
                        })
                        .toList());
        return out;
    }

    private static Map<String, Object> item(String id, String key, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MemberId", id);
        if (value != null) {
            m.put(key, value);
        }
        return m;
    }
}
