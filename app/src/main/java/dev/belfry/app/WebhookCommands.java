package dev.belfry.app;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code belfry admin create-webhook | list-webhooks | regenerate-webhook-url | delete-webhook | list-room-messages}:
 * rooms' incoming webhooks and messages (issue 14), which Chime managed only in its chat client. Each sends one
 * operation of the bundled belfry-admin model through the CLI's own caller, so it prints JSON exactly as {@code
 * belfry chime} prints, takes --output and --query, and exits with the AWS CLI's codes (D35).
 */
final class WebhookCommands {
    private WebhookCommands() {}

    private static OperationModel operation(String name) {
        return ServiceModel.belfryAdmin().operation(name);
    }

    /** The options every webhook command takes: the room's account and id. */
    static final class Room {
        @Option(names = "--account-id", required = true, description = "The Enterprise account's id.")
        String accountId;

        @Option(names = "--room-id", required = true, description = "The room's id.")
        String roomId;

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("AccountId", accountId);
            params.put("RoomId", roomId);
            return params;
        }
    }

    /** The options of a command about one webhook: its room and its id. */
    static final class OneWebhook {
        @Mixin
        Room room;

        @Option(names = "--webhook-id", required = true, description = "The webhook's id.")
        String webhookId;

        Map<String, Object> params() {
            Map<String, Object> params = room.params();
            params.put("WebhookId", webhookId);
            return params;
        }
    }

    @Command(
            name = "create-webhook",
            mixinStandardHelpOptions = true,
            description =
                    "Create an incoming webhook in a room (at most 10 per room). The answer holds its URL, the only"
                            + " time it is shown: keep it, or regenerate it later.")
    static final class CreateWebhook implements Callable<Integer> {
        @Mixin
        Room room;

        @Option(names = "--name", required = true, description = "The name its messages show (1-100 characters).")
        String name;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = room.params();
            params.put("Name", name);
            return globals.call(operation("BelfryCreateWebhook"), params);
        }
    }

    @Command(
            name = "list-webhooks",
            mixinStandardHelpOptions = true,
            description = "List a room's webhooks (their URLs are not kept, so not shown).")
    static final class ListWebhooks implements Callable<Integer> {
        @Mixin
        Room room;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            return globals.call(operation("BelfryListWebhooks"), room.params());
        }
    }

    @Command(
            name = "regenerate-webhook-url",
            mixinStandardHelpOptions = true,
            description = "Give a webhook a new URL; the old one answers 404 from then on.")
    static final class RegenerateWebhookUrl implements Callable<Integer> {
        @Mixin
        OneWebhook webhook;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            return globals.call(operation("BelfryRegenerateWebhookUrl"), webhook.params());
        }
    }

    @Command(
            name = "delete-webhook",
            mixinStandardHelpOptions = true,
            description = "Delete a webhook: its URL answers 404 from then on; its messages stay.")
    static final class DeleteWebhook implements Callable<Integer> {
        @Mixin
        OneWebhook webhook;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            return globals.call(operation("BelfryDeleteWebhook"), webhook.params());
        }
    }

    @Command(
            name = "list-room-messages",
            mixinStandardHelpOptions = true,
            description = "List a room's messages, oldest first; redacted ones show Redacted true and no Content.")
    static final class ListRoomMessages implements Callable<Integer> {
        @Mixin
        Room room;

        @Option(names = "--since", description = "Only messages created at or after this ISO-8601 time.")
        String since;

        @Option(names = "--newest-first", description = "Newest first instead.")
        boolean newestFirst;

        @Mixin
        PageOptions page;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = room.params();
            page.addTo(params);
            if (newestFirst) {
                params.put("SortOrder", "DESCENDING");
            }
            if (since != null) {
                params.put("Since", since);
            }
            return globals.call(operation("BelfryListRoomMessages"), params);
        }
    }
}
