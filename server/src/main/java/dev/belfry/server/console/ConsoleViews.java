package dev.belfry.server.console;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.AuditEvent;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.EventsConfiguration;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.User;
import dev.belfry.rooms.Webhook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console's pages show of each domain record, named as the Chime API names the same members (so a page
 * and an SDK listing read alike). Secrets stay out: no bot security token, no webhook token but in the URL given
 * once when it is made (D71).
 */
final class ConsoleViews {
    private ConsoleViews() {}

    static Map<String, Object> account(Account a) {
        return map(
                "AccountId", a.accountId(),
                "Name", a.name(),
                "AccountType", a.type(),
                "AccountStatus", a.status(),
                "DefaultLicense", a.defaultLicense(),
                "CreatedTimestamp", a.createdAt());
    }

    static Map<String, Object> user(User u) {
        return map(
                "UserId", u.userId(),
                "PrimaryEmail", u.primaryEmail(),
                "DisplayName", u.displayName(),
                "LicenseType", u.licenseType(),
                "UserType", u.userType(),
                "UserRegistrationStatus", u.registrationStatus(),
                "CreatedTimestamp", u.createdAt());
    }

    static Map<String, Object> bot(Bot b) {
        return map(
                "BotId", b.botId(),
                "DisplayName", b.displayName(),
                "BotEmail", b.botEmail(),
                "Disabled", b.disabled(),
                "CreatedTimestamp", b.createdAt(),
                "UpdatedTimestamp", b.updatedAt());
    }

    static Map<String, Object> events(EventsConfiguration e) {
        return map(
                "BotId", e.botId(),
                "OutboundEventsHTTPSEndpoint", e.httpsEndpoint(),
                "LambdaFunctionArn", e.lambdaFunctionArn(),
                "UpdatedTimestamp", e.updatedAt());
    }

    static Map<String, Object> room(Room r) {
        return map(
                "RoomId", r.roomId(),
                "AccountId", r.accountId(),
                "Name", r.name(),
                "CreatedBy", r.createdBy(),
                "CreatedTimestamp", r.createdAt(),
                "UpdatedTimestamp", r.updatedAt());
    }

    static Map<String, Object> membership(Membership m) {
        return map(
                "MemberId", m.memberId(),
                "MemberType", m.member().type(),
                "FullName", m.member().fullName(),
                "Email", m.member().email(),
                "Role", m.role(),
                "InvitedBy", m.invitedBy(),
                "UpdatedTimestamp", m.updatedAt());
    }

    static Map<String, Object> webhook(Webhook w, String url) {
        return map(
                "WebhookId", w.webhookId(),
                "Name", w.name(),
                "Url", url,
                "CreatedTimestamp", w.createdAt(),
                "LastPostTimestamp", w.lastPostAt());
    }

    static Map<String, Object> message(Message m) {
        return map(
                "MessageId", m.messageId(),
                "Content", m.content(),
                "SenderId", m.sender().memberId(),
                "SenderType", m.sender().type(),
                "SenderName", m.sender().fullName(),
                "CreatedTimestamp", m.createdAt(),
                "Redacted", m.redacted());
    }

    /** One audit event, named as ListAuditEvents names it (the request id and tenant are left to the API). */
    static Map<String, Object> auditEvent(AuditEvent e) {
        return map(
                "EventId", e.eventId(),
                "EventTimestamp", e.at(),
                "Operation", e.operation(),
                "MemberId", e.memberId(),
                "MemberType", e.memberType(),
                "RoleBefore", e.roleBefore(),
                "RoleAfter", e.roleAfter(),
                "PrincipalArn", e.principalArn(),
                "AccessKeyId", e.accessKeyId(),
                "SourceIp", e.sourceIp());
    }

    /** One event for a bot and where its delivery stands (D105); the message text stays out, as in a listing. */
    static Map<String, Object> botEvent(BotEvent e) {
        BotEvent.Delivery d = e.delivery();
        return map(
                "EventId", e.eventId(),
                "EventType", e.type(),
                "RoomId", e.roomId(),
                "CreatedTimestamp", e.createdAt(),
                "Status", d.status(),
                "Attempts", d.attempts(),
                "NextAttemptTimestamp", d.status() == BotEvent.Status.pending ? d.nextAttemptAt() : null,
                "LastError", d.lastError(),
                "FinishedTimestamp", d.finishedAt());
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
