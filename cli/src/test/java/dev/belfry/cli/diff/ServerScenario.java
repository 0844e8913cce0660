package dev.belfry.cli.diff;

import java.util.List;

/**
 * The chat-room flow run step by step against a real Belfry server: every operation the server
 * serves, the seed command with partial failures, each output format and the server's own errors.
 * {id} placeholders are filled from earlier steps' JSON output (capture = "Key.Path").
 */
final class ServerScenario {
    record Step(String capture, String key, List<String> args) {
        static Step of(String... args) {
            return new Step(null, null, List.of(args));
        }

        static Step capture(String key, String path, String... args) {
            return new Step(path, key, List.of(args));
        }

        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    private ServerScenario() {}

    static List<Step> steps() {
        return List.of(
                Step.capture("account", "Account.AccountId", "create-account", "--name", "acct-RUNID"),
                Step.of("get-account", "--account-id", "{account}"),
                Step.of("list-accounts", "--name", "acct-RUNID"),
                Step.of("update-account", "--account-id", "{account}", "--name", "acct2-RUNID"),
                Step.capture(
                        "user1",
                        "User.UserId",
                        "create-user",
                        "--account-id",
                        "{account}",
                        "--email",
                        "one-RUNID@example.com",
                        "--user-type",
                        "PrivateUser"),
                Step.capture(
                        "user2",
                        "User.UserId",
                        "create-user",
                        "--account-id",
                        "{account}",
                        "--email",
                        "two-RUNID@example.com"),
                Step.of("get-user", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of("list-users", "--account-id", "{account}", "--user-email", "one-RUNID@example.com"),
                Step.of(
                        "list-users",
                        "--account-id",
                        "{account}",
                        "--query",
                        "sort_by(Users, &PrimaryEmail)[].PrimaryEmail"),
                Step.of("update-user", "--account-id", "{account}", "--user-id", "{user2}", "--license-type", "Basic"),
                // the phone number inventory (D60–D69); each run takes the first number still free to it, so the two
                // runs order different numbers (masked as <number>) and read only what their own steps made
                Step.of(
                        "search-available-phone-numbers",
                        "--area-code",
                        "919",
                        "--max-results",
                        "2",
                        "--query",
                        "length(E164PhoneNumbers)"),
                Step.capture(
                        "num",
                        "0",
                        "search-available-phone-numbers",
                        "--area-code",
                        "919",
                        "--max-results",
                        "1",
                        "--query",
                        "E164PhoneNumbers"),
                Step.of("list-supported-phone-number-countries", "--product-type", "VoiceConnector"),
                Step.of("search-available-phone-numbers", "--city", "Raleigh"),
                Step.capture(
                        "order",
                        "PhoneNumberOrder.PhoneNumberOrderId",
                        "create-phone-number-order",
                        "--product-type",
                        "BusinessCalling",
                        "--e164-phone-numbers",
                        "{num}",
                        "+19995550100"),
                Step.of("get-phone-number-order", "--phone-number-order-id", "{order}"),
                Step.of(
                        "list-phone-number-orders",
                        "--query",
                        "PhoneNumberOrders[?PhoneNumberOrderId=='{order}'].[Status, ProductType]",
                        "--output",
                        "text"),
                Step.of("get-phone-number", "--phone-number-id", "{num}"),
                Step.of("update-phone-number", "--phone-number-id", "{num}", "--calling-name", "Belfry Desk"),
                Step.of(
                        "batch-update-phone-number",
                        "--update-phone-number-request-items",
                        "PhoneNumberId={num},CallingName=Front Desk",
                        "PhoneNumberId=+19995550100,CallingName=Nobody"),
                Step.of(
                        "associate-phone-number-with-user",
                        "--account-id",
                        "{account}",
                        "--user-id",
                        "{user1}",
                        "--e164-phone-number",
                        "{num}"),
                Step.of("get-user", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of(
                        "list-phone-numbers",
                        "--filter-name",
                        "UserId",
                        "--filter-value",
                        "{user1}",
                        "--output",
                        "table"),
                Step.of("delete-phone-number", "--phone-number-id", "{num}"),
                Step.of("disassociate-phone-number-from-user", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of("delete-phone-number", "--phone-number-id", "{num}"),
                Step.of("get-phone-number", "--phone-number-id", "{num}", "--output", "yaml"),
                Step.of("restore-phone-number", "--phone-number-id", "{num}"),
                Step.of("batch-delete-phone-number", "--phone-number-ids", "{num}", "+19995550100"),
                Step.of(
                        "create-phone-number-order",
                        "--product-type",
                        "VoiceConnector",
                        "--e164-phone-numbers",
                        "919-555"),
                Step.of("update-phone-number-settings", "--calling-name", "Belfry"),
                Step.of("get-phone-number-settings", "--query", "CallingName"),
                Step.capture(
                        "bot",
                        "Bot.BotId",
                        "create-bot",
                        "--account-id",
                        "{account}",
                        "--display-name",
                        "Helper",
                        "--domain",
                        "example.com"),
                Step.of("get-bot", "--account-id", "{account}", "--bot-id", "{bot}"),
                Step.of("list-bots", "--account-id", "{account}"),
                Step.of("update-bot", "--account-id", "{account}", "--bot-id", "{bot}", "--disabled"),
                Step.capture("room", "Room.RoomId", "create-room", "--account-id", "{account}", "--name", "Ops"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of("list-rooms", "--account-id", "{account}"),
                Step.of("update-room", "--account-id", "{account}", "--room-id", "{room}", "--name", "Ops 2"),
                Step.of(
                        "batch-create-room-membership",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--membership-item-list",
                        "MemberId={user1},Role=Administrator",
                        "MemberId=no-such-member"),
                Step.of("list-room-memberships", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of(
                        "list-room-memberships",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--output",
                        "text"),
                Step.of(
                        "list-room-memberships",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--output",
                        "table"),
                Step.of(
                        "list-room-memberships",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--output",
                        "yaml"),
                Step.of(
                        "list-room-memberships",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--query",
                        "RoomMemberships[].Role"),
                Step.of(
                        "update-room-membership",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--member-id",
                        "{user1}",
                        "--role",
                        "Member"),
                Step.of(
                        "delete-room-membership",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--member-id",
                        "{user1}"),
                Step.of(
                        "create-room-membership",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--member-id",
                        "{user2}"),
                Step.of(
                        "create-room-membership",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--member-id",
                        "{user2}"),
                Step.of(
                        "list-room-memberships",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--output",
                        "text"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "no-such-room"),
                Step.of("batch-suspend-user", "--account-id", "{account}", "--user-id-list", "{user2}", "nobody"),
                Step.of("batch-unsuspend-user", "--account-id", "{account}", "--user-id-list", "{user2}"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "{room}", "--output", "yaml-stream"),
                Step.of("delete-room", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of("delete-account", "--account-id", "{account}"));
    }
}
