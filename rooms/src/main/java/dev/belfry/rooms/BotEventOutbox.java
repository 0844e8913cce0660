package dev.belfry.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes bot events into the outbox inside the transaction of the change that causes them (issue 15, D100): no event
 * for a change that rolled back, none lost once it committed. A bot gets events only while it has an events
 * configuration (it cannot be in a room without one, D108); a disabled bot gets no Mention but still its Remove
 * (D102).
 */
final class BotEventOutbox {
    private static final String BOT_SUFFIX = " (Bot)";

    private BotEventOutbox() {}

    /** Invite for each bot that became a member (not for one that was already there: an upsert, D8). */
    static void invited(DomainContext ctx, StoreTransaction tx, Caller caller, Room room, List<Membership> added) {
        List<BotEvent> events = new ArrayList<>();
        for (Membership m : added) {
            if (m.member().type() == Enums.MemberType.Bot && configured(tx, m.memberId())) {
                events.add(BotEvent.queued(
                        room.accountId(),
                        m.memberId(),
                        room.roomId(),
                        BotEvent.Type.Invite,
                        caller.principalArn(),
                        null,
                        ctx.now()));
            }
        }
        insert(tx, events);
    }

    /** Remove for each of these bots, which left the room (DeleteRoomMembership) or lost it (DeleteRoom). */
    static void removed(
            DomainContext ctx, StoreTransaction tx, Caller caller, String accountId, String roomId, List<String> bots) {
        List<BotEvent> events = new ArrayList<>();
        for (String botId : bots) {
            if (configured(tx, botId)) {
                events.add(BotEvent.queued(
                        accountId, botId, roomId, BotEvent.Type.Remove, caller.principalArn(), null, ctx.now()));
            }
        }
        insert(tx, events);
    }

    /** The bot ids among the room's members, read before a change removes them. */
    static List<String> botIds(StoreTransaction tx, String roomId) {
        return tx.botEvents().botsInRoom(roomId).stream().map(Bot::botId).toList();
    }

    /**
     * Mention for each enabled bot of the room the message names (D103). The caller holds the room's lock, so the
     * Mention is ordered with the bot's Invite and Remove.
     */
    static void mentioned(DomainContext ctx, StoreTransaction tx, Message message) {
        if (message.content() == null || message.content().indexOf('@') < 0) {
            return;
        }
        List<BotEvent> events = new ArrayList<>();
        for (Bot bot : tx.botEvents().botsInRoom(message.roomId())) {
            if (bot.botId().equals(message.sender().memberId())) {
                continue; // a bot's own reply naming itself is not a mention of it
            }
            if (!bot.disabled() && mentions(message.content(), bot) && configured(tx, bot.botId())) {
                events.add(BotEvent.queued(
                        message.accountId(),
                        bot.botId(),
                        message.roomId(),
                        BotEvent.Type.Mention,
                        message.sender().memberId(),
                        message.content(),
                        message.createdAt()));
            }
        }
        insert(tx, events);
    }

    /**
     * Whether the text mentions the bot as Chime's clients wrote it (D103): "@" followed by the bot's email
     * ("@Name-chimebot@example.com"), its alias (the email's local part, "@Name-chimebot"), or its display name with
     * spaces as hyphens ("@Name", the doc's "@botDisplayName@example.com" with or without the domain), compared
     * case-insensitively and ending where a name cannot go on (a space, punctuation other than . - _, or the end).
     */
    static boolean mentions(String text, Bot bot) {
        List<String> names = new ArrayList<>();
        if (bot.displayName() != null) {
            // CreateBot stores "myBot (Bot)"; the name a user types is "myBot", spaces as in its email
            String name = bot.displayName().strip();
            if (name.endsWith(BOT_SUFFIX)) {
                name = name.substring(0, name.length() - BOT_SUFFIX.length());
            }
            names.add(name.strip().replaceAll("\\s+", "-"));
        }
        if (bot.botEmail() != null) {
            names.add(bot.botEmail());
            int at = bot.botEmail().indexOf('@');
            if (at > 0) {
                names.add(bot.botEmail().substring(0, at));
                if (!names.get(0).isEmpty()) {
                    names.add(names.get(0) + bot.botEmail().substring(at));
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : names) {
            Matcher m = Pattern.compile(
                            "(?<![\\w.@-])@" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\w@-]|\\.\\w)")
                    .matcher(lower);
            if (m.find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean configured(StoreTransaction tx, String botId) {
        return tx.eventsConfiguration(botId).isPresent();
    }

    private static void insert(StoreTransaction tx, List<BotEvent> events) {
        if (!events.isEmpty()) {
            tx.botEvents().insertEvents(events);
        }
    }
}
