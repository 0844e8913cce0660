package dev.belfry.server.ops;

import dev.belfry.rooms.RoomService;

final class RoomOperations {
    private RoomOperations() {}

    static void register(Operations ops, RoomService rooms) {
        ops.add("CreateRoom", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> name = op.string("Name");
            Field<String> token = op.string("ClientRequestToken");
            String out = op.output("Room");
            return (caller, in) -> Views.single(
                    out, Views.ROOM.render(rooms.create(caller, in.get(accountId), in.get(name), in.get(token))));
        });
        ops.add("GetRoom", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            String out = op.output("Room");
            return (caller, in) ->
                    Views.single(out, Views.ROOM.render(rooms.get(caller, in.get(accountId), in.get(roomId))));
        });
        ops.add("ListRooms", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> memberId = op.string("MemberId");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "Rooms");
            return (caller, in) -> pages.render(
                    rooms.list(caller, in.get(accountId), in.get(memberId), in.get(maxResults), in.get(nextToken)),
                    Views.ROOM);
        });
        ops.add("UpdateRoom", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            Field<String> name = op.string("Name");
            String out = op.output("Room");
            return (caller, in) -> Views.single(
                    out, Views.ROOM.render(rooms.update(caller, in.get(accountId), in.get(roomId), in.get(name))));
        });
        ops.add("DeleteRoom", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> roomId = op.string("RoomId");
            return (caller, in) -> {
                rooms.delete(caller, in.get(accountId), in.get(roomId));
                return null;
            };
        });
    }
}
