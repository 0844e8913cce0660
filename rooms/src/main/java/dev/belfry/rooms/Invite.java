package dev.belfry.rooms;

import dev.belfry.rooms.Enums.EmailStatus;
import dev.belfry.rooms.Enums.InviteStatus;

/** One invitation of InviteUsers (D54): whom, its status, and whether Belfry really mailed it. */
public record Invite(String inviteId, InviteStatus status, String emailAddress, EmailStatus emailStatus) {
    public Invite withEmailStatus(EmailStatus newStatus) {
        InviteStatus after = newStatus == EmailStatus.Failed ? InviteStatus.Failed : status;
        return new Invite(inviteId, after, emailAddress, newStatus);
    }
}
