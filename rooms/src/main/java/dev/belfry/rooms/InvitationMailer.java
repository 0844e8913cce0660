package dev.belfry.rooms;

import dev.belfry.rooms.Enums.EmailStatus;
import java.util.List;

/**
 * Sends InviteUsers' invitation mails (D54). The domain calls it after the invited users are committed, never
 * inside a transaction: a slow mail server must not hold the database.
 */
public interface InvitationMailer {
    /** One mail to send: the address, the account it invites to, and the invitation's id. */
    record Invitation(String emailAddress, String accountName, String accountId, String inviteId) {}

    /** The status of each mail, in the order given: Sent, or Failed when the mail server refused it. */
    List<EmailStatus> send(List<Invitation> invitations);

    /** No mail server configured: nothing is sent and every invitation says so. */
    InvitationMailer NONE =
            invitations -> invitations.stream().map(i -> EmailStatus.NotSent).toList();
}
