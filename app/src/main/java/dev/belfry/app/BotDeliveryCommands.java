package dev.belfry.app;

import dev.belfry.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code belfry admin list-bot-deliveries | redeliver}: a bot's event deliveries (issue 15, D110), which Chime never
 * showed. Like {@link WebhookCommands}, each sends one operation of the bundled belfry-admin model through the CLI's
 * own caller, so it prints as {@code belfry chime} prints, takes --output and --query, and exits with the AWS CLI's
 * codes (D35).
 */
final class BotDeliveryCommands {
    private BotDeliveryCommands() {}

    /** The options both commands take: the bot's account and id. */
    static final class BotOptions {
        @Option(names = "--account-id", required = true, description = "The Enterprise account's id.")
        String accountId;

        @Option(names = "--bot-id", required = true, description = "The bot's id.")
        String botId;

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("AccountId", accountId);
            params.put("BotId", botId);
            return params;
        }
    }

    @Command(
            name = "list-bot-deliveries",
            mixinStandardHelpOptions = true,
            description = "List a bot's events, newest first, with each one's status (pending, delivered, dead),"
                    + " attempts and last error.")
    static final class ListBotDeliveries implements Callable<Integer> {
        @Mixin
        BotOptions bot;

        // a String, not an enum: the server judges it against the model's enum, so a wrong value is its 400
        @Option(names = "--status", description = "Only events with this status: pending, delivered or dead.")
        String status;

        @Mixin
        PageOptions page;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = bot.params();
            if (status != null) {
                params.put("Status", status);
            }
            page.addTo(params);
            return globals.call(ServiceModel.belfryAdmin().operation("BelfryListBotDeliveries"), params);
        }
    }

    @Command(
            name = "redeliver",
            mixinStandardHelpOptions = true,
            description = "Send a delivered or dead event to its bot again: it is pending once more, with no attempts,"
                    + " in its place in the bot's order for its room. A pending event is refused (ConflictException).")
    static final class Redeliver implements Callable<Integer> {
        @Mixin
        BotOptions bot;

        @Option(names = "--event-id", required = true, description = "The event's id (list-bot-deliveries).")
        String eventId;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = bot.params();
            params.put("EventId", eventId);
            return globals.call(ServiceModel.belfryAdmin().operation("BelfryRedeliverBotEvent"), params);
        }
    }
}
