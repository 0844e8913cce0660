package dev.belfry.server.console;

import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomsDomain;
import dev.belfry.rooms.User;
import java.util.Arrays;
import java.util.List;

/** The console's account pages: accounts, and an account's users, bots and rooms (searched by name, paged). */
final class AccountEndpoints {
    private AccountEndpoints() {}

    static void register(ConsoleRoutes routes, RoomsDomain domain) {
        routes.get(
                "accounts",
                c -> Searches.page(
                        t -> domain.accounts().list(c.caller(), null, null, Searches.DOMAIN_PAGE, t),
                        c.query("next"),
                        c.query("q"),
                        a -> List.of(a.name(), a.accountId()),
                        ConsoleViews::account));
        routes.get("accounts/*", c -> ConsoleViews.account(domain.accounts().get(c.caller(), c.id(0))));
        routes.get(
                "accounts/*/users",
                c -> Searches.page(
                        t -> domain.users().list(c.caller(), c.id(0), null, null, Searches.DOMAIN_PAGE, t),
                        c.query("next"),
                        c.query("q"),
                        (User u) -> Arrays.asList(u.primaryEmail(), u.displayName(), u.userId()),
                        ConsoleViews::user));
        routes.get(
                "accounts/*/bots",
                c -> Searches.page(
                        t -> domain.bots().list(c.caller(), c.id(0), Searches.ROOMS_AND_BOTS_PAGE, t),
                        c.query("next"),
                        c.query("q"),
                        (Bot b) -> Arrays.asList(b.displayName(), b.botEmail(), b.botId()),
                        ConsoleViews::bot));
        routes.get(
                "accounts/*/rooms",
                c -> Searches.page(
                        t -> domain.rooms().list(c.caller(), c.id(0), null, Searches.ROOMS_AND_BOTS_PAGE, t),
                        c.query("next"),
                        c.query("q"),
                        (Room r) -> List.of(r.name(), r.roomId()),
                        ConsoleViews::room));
        routes.get("accounts/*/bots/*", c -> {
            Bot bot = domain.bots().get(c.caller(), c.id(0), c.id(1));
            return ConsoleViews.map("Bot", ConsoleViews.bot(bot), "EventsConfiguration", events(domain, c, bot));
        });
    }

    /** The bot's events configuration, or null when it has none (the domain's NotFound, D43). */
    private static Object events(RoomsDomain domain, ConsoleRoutes.Call c, Bot bot) {
        try {
            return ConsoleViews.events(domain.bots().eventsConfiguration(c.caller(), c.id(0), bot.botId()));
        } catch (dev.belfry.rooms.DomainException e) {
            if (e.failure() == dev.belfry.rooms.Failure.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
