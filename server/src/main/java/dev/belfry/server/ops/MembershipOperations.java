package dev.belfry.server.ops;

import dev.belfry.rooms.BatchAdd;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.MembershipService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class MembershipOperations {
    private MembershipOperations() {}

    static void register(Operations ops, MembershipService memberships) {
        ops.add(
                "CreateRoomMembership",
                (caller, in) -> Views.single(
                        "RoomMembership",
                        Views.membership(memberships.add(
                                caller,
                                in.string("AccountId"),
                                in.string("RoomId"),
                                in.string("MemberId"),
                                in.enumValue("Role", Role.class)))));
        ops.add("BatchCreateRoomMembership", (caller, in) -> {
            List<BatchAdd.Outcome> outcomes = memberships.addAll(
                    caller, in.string("AccountId"), in.string("RoomId"), items(in.list("MembershipItemList")));
            return Views.single(
                    "Errors",
                    outcomes.stream()
                            .filter(o -> o.failure() != null)
                            .map(MembershipOperations::error)
                            .toList());
        });
        ops.add(
                "ListRoomMemberships",
                (caller, in) -> Pages.of(
                        "RoomMemberships",
                        memberships.list(
                                caller,
                                in.string("AccountId"),
                                in.string("RoomId"),
                                in.integer("MaxResults"),
                                in.string("NextToken")),
                        Views::membership));
        ops.add(
                "UpdateRoomMembership",
                (caller, in) -> Views.single(
                        "RoomMembership",
                        Views.membership(memberships.update(
                                caller,
                                in.string("AccountId"),
                                in.string("RoomId"),
                                in.string("MemberId"),
                                in.enumValue("Role", Role.class)))));
        ops.add("DeleteRoomMembership", (caller, in) -> {
            memberships.remove(caller, in.string("AccountId"), in.string("RoomId"), in.string("MemberId"));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<BatchAdd.Item> items(List<Object> list) {
        return list.stream()
                .map(o -> {
                    Map<String, Object> item = (Map<String, Object>) o;
                    String role = (String) item.get("Role");
                    return new BatchAdd.Item((String) item.get("MemberId"), role == null ? null : Role.valueOf(role));
                })
                .toList();
    }

    private static Map<String, Object> error(BatchAdd.Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MemberId", outcome.memberId());
        m.put("ErrorCode", ErrorCodes.itemCode(outcome.failure()));
        m.put("ErrorMessage", outcome.message());
        return m;
    }
}
