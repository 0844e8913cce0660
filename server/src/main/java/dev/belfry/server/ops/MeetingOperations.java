package dev.belfry.server.ops;

import dev.belfry.rooms.MeetingService;

final class MeetingOperations {
    private MeetingOperations() {}

    static void register(Operations ops, MeetingService meetings) {
        ops.add("CreateMeetingDialOut", op -> {
            Field<String> meetingId = op.string("MeetingId");
            String out = op.output("TransactionId");
            return (caller, in) -> Views.single(out, meetings.dialOut(in.get(meetingId)));
        });
    }
}
