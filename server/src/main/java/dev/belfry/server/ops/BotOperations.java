package dev.belfry.server.ops;

import dev.belfry.rooms.BotService;

final class BotOperations {
    private BotOperations() {}

    static void register(Operations ops, BotService bots) {
        ops.add("CreateBot", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> displayName = op.string("DisplayName");
            Field<String> domain = op.string("Domain");
            String out = op.output("Bot");
            return (caller, in) -> Views.single(
                    out, Views.BOT.render(bots.create(caller, in.get(accountId), in.get(displayName), in.get(domain))));
        });
        ops.add("GetBot", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            String out = op.output("Bot");
            return (caller, in) ->
                    Views.single(out, Views.BOT.render(bots.get(caller, in.get(accountId), in.get(botId))));
        });
        ops.add("ListBots", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "Bots");
            return (caller, in) -> pages.render(
                    bots.list(caller, in.get(accountId), in.get(maxResults), in.get(nextToken)), Views.BOT);
        });
        ops.add("UpdateBot", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            Field<Boolean> disabled = op.bool("Disabled");
            String out = op.output("Bot");
            return (caller, in) -> Views.single(
                    out, Views.BOT.render(bots.update(caller, in.get(accountId), in.get(botId), in.get(disabled))));
        });
        ops.add("RegenerateSecurityToken", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            String out = op.output("Bot");
            return (caller, in) -> Views.single(
                    out, Views.BOT.render(bots.regenerateSecurityToken(caller, in.get(accountId), in.get(botId))));
        });
        ops.add("PutEventsConfiguration", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            Field<String> endpoint = op.string("OutboundEventsHTTPSEndpoint");
            Field<String> lambda = op.string("LambdaFunctionArn");
            String out = op.output("EventsConfiguration");
            return (caller, in) -> Views.single(
                    out,
                    Views.EVENTS_CONFIGURATION.render(bots.putEventsConfiguration(
                            caller, in.get(accountId), in.get(botId), in.get(endpoint), in.get(lambda))));
        });
        ops.add("GetEventsConfiguration", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            String out = op.output("EventsConfiguration");
            return (caller, in) -> Views.single(
                    out,
                    Views.EVENTS_CONFIGURATION.render(
                            bots.eventsConfiguration(caller, in.get(accountId), in.get(botId))));
        });
        ops.add("DeleteEventsConfiguration", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> botId = op.string("BotId");
            return (caller, in) -> {
                bots.deleteEventsConfiguration(caller, in.get(accountId), in.get(botId));
                return null;
            };
        });
    }
}
