package dev.belfry.server.ops;

import dev.belfry.rooms.BatchAdd;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.MembershipService;
import java.util.List;
import java.util.Map;

final class MembershipOperations {
    private MembershipOperations() {}

    static void register(Operations ops, MembershipService memberships) {
        ops.add("CreateRoomMembership", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> memberId = op.string("MemberId");
            EnumField<Role> role = op.enumValue("Role", Role.class);
            String out = op.output("RoomMembership");
            return (caller, in) -> Views.single(
                    out,
                    Views.MEMBERSHIP.render(memberships.add(
                            caller, in.get(accountId), in.get(roomId), in.get(memberId), in.get(role))));
        });
        ops.add("BatchCreateRoomMembership", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<List<Object>> items = op.list("MembershipItemList");
            String itemMemberId = op.itemMember("MembershipItemList", "MemberId");
            String itemRole = op.itemMember("MembershipItemList", "Role");
            String out = op.output("Errors");
            return (caller, in) -> {
                List<BatchAdd.Outcome> outcomes = memberships.addAll(
                        caller, in.get(accountId), in.get(roomId), items(in.get(items), itemMemberId, itemRole));
                return Views.single(
                        out,
                        outcomes.stream()
                                .filter(o -> o.failure() != null)
                                .map(Views.MEMBER_ERROR::render)
                                .toList());
            };
        });
        ops.add("ListRoomMemberships", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "RoomMemberships");
            return (caller, in) -> pages.render(
                    memberships.list(caller, in.get(accountId), in.get(roomId), in.get(maxResults), in.get(nextToken)),
                    Views.MEMBERSHIP);
        });
        ops.add("UpdateRoomMembership", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> memberId = op.string("MemberId");
            EnumField<Role> role = op.enumValue("Role", Role.class);
            String out = op.output("RoomMembership");
            return (caller, in) -> Views.single(
                    out,
                    Views.MEMBERSHIP.render(memberships.update(
                            caller, in.get(accountId), in.get(roomId), in.get(memberId), in.get(role))));
        });
        ops.add("DeleteRoomMembership", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> memberId = op.string("MemberId");
            return (caller, in) -> {
                memberships.remove(caller, in.get(accountId), in.get(roomId), in.get(memberId));
                return null;
            };
        });
    }

    @SuppressWarnings("unchecked")
    private static List<BatchAdd.Item> items(List<Object> list, String memberIdKey, String roleKey) {
        return list.stream()
                .map(o -> {
                    Map<String, Object> item = (Map<String, Object>) o;
                    String role = (String) item.get(roleKey);
                    return new BatchAdd.Item((String) item.get(memberIdKey), role == null ? null : Role.valueOf(role));
                })
                .toList();
    }
}
