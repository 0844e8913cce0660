package dev.belfry.rooms;

/**
 * Meetings: Belfry hosts none, so CreateMeetingDialOut finds no meeting to call out from, whatever its id (D44).
 * Its input is still validated by the model first (a GUID meeting id, E.164 numbers, the join token's pattern), so
 * a script learns about a malformed request before it learns that the meeting does not exist.
 */
public final class MeetingService {
    public MeetingService() {}

    public String dialOut(String meetingId) {
        throw DomainException.notFound("meeting", meetingId);
    }
}
