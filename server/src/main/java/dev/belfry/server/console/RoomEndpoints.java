package dev.belfry.server.console;

import dev.belfry.rooms.AuditEvent;
import dev.belfry.rooms.AuditFilter;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.Page;
import dev.belfry.rooms.RoomsDomain;
import dev.belfry.rooms.Webhook;
import dev.belfry.server.ops.WebhookOperations;
import java.util.function.Supplier;

/**
 * The console's room page: the room, its members and roles, its incoming webhooks and its messages, each change
 * made by the same domain call as the API's (so D8–D14, the webhook limits of D70–D74 and redaction's D75 hold);
 * and the room's audit trail, read through the audit service as ListAuditEvents reads it (D85, D122).
 */
final class RoomEndpoints {
    private static final String ROOM = "accounts/*/rooms/*";
    /** Audit events per page of the room's panel: a screenful; "More" fetches the next (D122). */
    static final int AUDIT_PAGE = 25;

    private RoomEndpoints() {}

    static void register(ConsoleRoutes routes, RoomsDomain domain, Supplier<String> publicUrl) {
        routes.get(ROOM, c -> ConsoleViews.room(domain.rooms().get(c.caller(), c.id(0), c.id(1))));
        members(routes, domain);
        webhooks(routes, domain, publicUrl);
        routes.get(ROOM + "/messages", c -> {
            Page<Message> page =
                    domain.messages().list(c.caller(), c.id(0), c.id(1), null, true, null, c.query("next"));
            return ConsoleViews.map(
                    "Items", page.items().stream().map(ConsoleViews::message).toList(), "NextToken", page.nextToken());
        });
        routes.post(ROOM + "/messages/*/redact", c -> {
            domain.messages().redactRoomMessage(c.caller(), c.id(0), c.id(1), c.id(2));
            return ConsoleViews.map("Redacted", true);
        });
        routes.get(ROOM + "/audit", c -> {
            // the room first, so a room the caller cannot see is the API's NotFound, not an empty trail (D118)
            domain.rooms().get(c.caller(), c.id(0), c.id(1));
            var filter = new AuditFilter(c.caller().tenantId(), c.id(0), c.id(1), null, null, null, null);
            Page<AuditEvent> page = domain.audit().list(c.caller(), filter, AUDIT_PAGE, c.query("next"));
            return ConsoleViews.map(
                    "Items",
                    page.items().stream().map(ConsoleViews::auditEvent).toList(),
                    "NextToken",
                    page.nextToken());
        });
    }

    private static void members(ConsoleRoutes routes, RoomsDomain domain) {
        routes.get(ROOM + "/members", c -> {
            var page = domain.memberships().list(c.caller(), c.id(0), c.id(1), null, c.query("next"));
            return ConsoleViews.map(
                    "Items",
                    page.items().stream().map(ConsoleViews::membership).toList(),
                    "NextToken",
                    page.nextToken());
        });
        routes.post(
                ROOM + "/members",
                c -> ConsoleViews.membership(domain.memberships()
                        .add(c.caller(), c.id(0), c.id(1), c.required("MemberId"), role(c, false))));
        routes.put(
                ROOM + "/members/*",
                c -> ConsoleViews.membership(
                        domain.memberships().update(c.caller(), c.id(0), c.id(1), c.id(2), role(c, true))));
        routes.delete(ROOM + "/members/*", c -> {
            domain.memberships().remove(c.caller(), c.id(0), c.id(1), c.id(2));
            return ConsoleViews.map("Removed", c.id(2));
        });
    }

    private static void webhooks(ConsoleRoutes routes, RoomsDomain domain, Supplier<String> publicUrl) {
        routes.get(
                ROOM + "/webhooks",
                c -> ConsoleViews.map(
                        "Items",
                        domain.webhooks().list(c.caller(), c.id(0), c.id(1)).stream()
                                .map(w -> ConsoleViews.webhook(w, null))
                                .toList()));
        routes.post(
                ROOM + "/webhooks",
                c -> withUrl(domain.webhooks().create(c.caller(), c.id(0), c.id(1), c.required("Name")), publicUrl));
        routes.post(
                ROOM + "/webhooks/*/regenerate",
                c -> withUrl(domain.webhooks().regenerate(c.caller(), c.id(0), c.id(1), c.id(2)), publicUrl));
        routes.delete(ROOM + "/webhooks/*", c -> {
            domain.webhooks().delete(c.caller(), c.id(0), c.id(1), c.id(2));
            return ConsoleViews.map("Deleted", c.id(2));
        });
    }

    /** A webhook just made or regenerated: its URL, with the token, is shown this once (D71). */
    private static Object withUrl(Webhook.WithToken w, Supplier<String> publicUrl) {
        return ConsoleViews.webhook(
                w.webhook(), WebhookOperations.url(publicUrl.get(), w.webhook().webhookId(), w.token()));
    }

    /** The body's Role: Administrator or Member; left out on an add, the API's default (Member) applies. */
    private static Role role(ConsoleRoutes.Call c, boolean required) {
        Object v = c.body().get("Role");
        if (v == null && !required) {
            return null;
        }
        if (v instanceof String s) {
            for (Role r : Role.values()) {
                if (r.name().equals(s)) {
                    return r;
                }
            }
        }
        throw new ConsoleFailure(400, "BadRequestException", "Role must be Administrator or Member.");
    }
}
