package dev.belfry.server.ops;

import dev.belfry.rooms.RoomService;

final class RoomOperations {
    private RoomOperations() {}

    static void register(Operations ops, RoomService rooms) {
        ops.add(
                "CreateRoom",
                (caller, in) -> Views.single(
                        "Room",
                        Views.room(rooms.create(
                                caller, in.string("AccountId"), in.string("Name"), in.string("ClientRequestToken")))));
        ops.add(
                "GetRoom",
                (caller, in) -> Views.single(
                        "Room", Views.room(rooms.get(caller, in.string("AccountId"), in.string("RoomId")))));
        ops.add(
                "ListRooms",
                (caller, in) -> Pages.of(
                        "Rooms",
                        rooms.list(
                                caller,
                                in.string("AccountId"),
                                in.string("MemberId"),
                                in.integer("MaxResults"),
                                in.string("NextToken")),
                        Views::room));
        ops.add(
                "UpdateRoom",
                (caller, in) -> Views.single(
                        "Room",
                        Views.room(
                                rooms.update(caller, in.string("AccountId"), in.string("RoomId"), in.string("Name")))));
        ops.add("DeleteRoom", (caller, in) -> {
            rooms.delete(caller, in.string("AccountId"), in.string("RoomId"));
            return null;
        });
    }
}
