package dev.belfry.server.console;

import dev.belfry.rooms.BotEvent;
import dev.belfry.rooms.Page;
import dev.belfry.rooms.RoomsDomain;

/**
 * The bot page's recent deliveries: the bot's events newest first with where each delivery stands, and sending a
 * delivered or dead one again, through the bot events service the delivery worker uses (D105, D123).
 */
final class BotEndpoints {
    private static final String DELIVERIES = "accounts/*/bots/*/deliveries";

    private BotEndpoints() {}

    static void register(ConsoleRoutes routes, RoomsDomain domain) {
        routes.get(DELIVERIES, c -> {
            Page<BotEvent> page = domain.botEvents()
                    .list(c.caller(), c.id(0), c.id(1), status(c.query("status")), null, c.query("next"));
            return ConsoleViews.map(
                    "Items", page.items().stream().map(ConsoleViews::botEvent).toList(), "NextToken", page.nextToken());
        });
        // a change, so it needs the session's CSRF token like every other (D116); a pending event is a 409
        routes.post(
                DELIVERIES + "/*/redeliver",
                c -> ConsoleViews.botEvent(domain.botEvents().redeliver(c.caller(), c.id(0), c.id(1), c.id(2))));
    }

    /** The optional status filter: pending, delivered or dead. */
    private static BotEvent.Status status(String v) {
        if (v == null) {
            return null;
        }
        for (BotEvent.Status s : BotEvent.Status.values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        throw new ConsoleFailure(400, "BadRequestException", "status must be pending, delivered or dead.");
    }
}
