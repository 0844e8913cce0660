package dev.belfry.server.ops;

import dev.belfry.rooms.BotService;

final class BotOperations {
    private BotOperations() {}

    static void register(Operations ops, BotService bots) {
        ops.add(
                "CreateBot",
                (caller, in) -> Views.single(
                        "Bot",
                        Views.bot(bots.create(
                                caller, in.string("AccountId"), in.string("DisplayName"), in.string("Domain")))));
        ops.add(
                "GetBot",
                (caller, in) ->
                        Views.single("Bot", Views.bot(bots.get(caller, in.string("AccountId"), in.string("BotId")))));
        ops.add(
                "ListBots",
                (caller, in) -> Pages.of(
                        "Bots",
                        bots.list(caller, in.string("AccountId"), in.integer("MaxResults"), in.string("NextToken")),
                        Views::bot));
        ops.add(
                "UpdateBot",
                (caller, in) -> Views.single(
                        "Bot",
                        Views.bot(
                                bots.update(caller, in.string("AccountId"), in.string("BotId"), in.bool("Disabled")))));
    }
}
