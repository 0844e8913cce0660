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
                // ---- issue 13: account and user settings, invitations (D51-D59) ----
                Step.of(
                        "update-account-settings",
                        "--account-id",
                        "{account}",
                        "--account-settings",
                        "DisableRemoteControl=true"),
                Step.of("get-account-settings", "--account-id", "{account}"),
                Step.of(
                        "associate-signin-delegate-groups-with-account",
                        "--account-id",
                        "{account}",
                        "--signin-delegate-groups",
                        "GroupName=my_users",
                        "GroupName=admins"),
                Step.of(
                        "disassociate-signin-delegate-groups-from-account",
                        "--account-id",
                        "{account}",
                        "--group-names",
                        "admins"),
                Step.of("get-account", "--account-id", "{account}", "--query", "Account.SigninDelegateGroups"),
                Step.of(
                        "update-global-settings",
                        "--business-calling",
                        "CdrBucket=s3bucket",
                        "--voice-connector",
                        "CdrBucket=s3bucket"),
                Step.of("get-global-settings"),
                Step.of(
                        "update-user-settings",
                        "--account-id",
                        "{account}",
                        "--user-id",
                        "{user1}",
                        "--user-settings",
                        "Telephony={InboundCalling=true,OutboundCalling=true,SMS=true}"),
                Step.of("get-user-settings", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of(
                        "batch-update-user",
                        "--account-id",
                        "{account}",
                        "--update-user-request-items",
                        "UserId={user1},LicenseType=Basic",
                        "UserId=nobody,LicenseType=Basic"),
                Step.of("logout-user", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of("reset-personal-pin", "--account-id", "{account}", "--user-id", "{user1}"),
                Step.of(
                        "put-retention-settings",
                        "--account-id",
                        "{account}",
                        "--retention-settings",
                        "RoomRetentionSettings={RetentionDays=30}"),
                Step.of("get-retention-settings", "--account-id", "{account}"),
                Step.of(
                        "put-retention-settings",
                        "--account-id",
                        "{account}",
                        "--retention-settings",
                        "RoomRetentionSettings={RetentionDays=5476}"),
                Step.of("invite-users", "--account-id", "{account}", "--user-email-list", "e-RUNID@example.com"),
                // {team}: a Team account the in-JVM server made before the run (InJvmServer.seededIds)
                Step.of(
                        "invite-users",
                        "--account-id",
                        "{team}",
                        "--user-email-list",
                        "i1-RUNID@example.com",
                        "i2-RUNID@example.com"),
                Step.of("create-user", "--account-id", "{team}", "--email", "c-RUNID@example.com"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "{room}", "--output", "yaml-stream"),
                // bots' tokens and events configurations (D43), redact and dial-out (D44)
                Step.of("regenerate-security-token", "--account-id", "{account}", "--bot-id", "{bot}"),
                Step.of("get-events-configuration", "--account-id", "{account}", "--bot-id", "{bot}"),
                Step.of(
                        "put-events-configuration",
                        "--account-id",
                        "{account}",
                        "--bot-id",
                        "{bot}",
                        "--outbound-events-https-endpoint",
                        "{botendpoint}"),
                Step.of(
                        "put-events-configuration",
                        "--account-id",
                        "{account}",
                        "--bot-id",
                        "{bot}",
                        "--lambda-function-arn",
                        "arn:aws:lambda:us-east-1:111122223333:function:chime-bot"),
                Step.of(
                        "get-events-configuration",
                        "--account-id",
                        "{account}",
                        "--bot-id",
                        "{bot}",
                        "--output",
                        "text"),
                Step.of(
                        "put-events-configuration",
                        "--account-id",
                        "{account}",
                        "--bot-id",
                        "{bot}",
                        "--outbound-events-https-endpoint",
                        "http://example.com"),
                Step.of("delete-events-configuration", "--account-id", "{account}", "--bot-id", "{bot}"),
                Step.of("delete-events-configuration", "--account-id", "{account}", "--bot-id", "{bot}"),
                Step.of(
                        "redact-room-message",
                        "--account-id",
                        "{account}",
                        "--room-id",
                        "{room}",
                        "--message-id",
                        "m-1"),
                Step.of(
                        "redact-conversation-message",
                        "--account-id",
                        "{account}",
                        "--conversation-id",
                        "c-1",
                        "--message-id",
                        "m-1"),
                Step.of(
                        "create-meeting-dial-out",
                        "--meeting-id",
                        "e3c0b9f4-0000-4000-8000-000000000001",
                        "--from-phone-number",
                        "+12065550100",
                        "--to-phone-number",
                        "+12065550101",
                        "--join-token",
                        "abc"),
                Step.of("delete-room", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of("get-room", "--account-id", "{account}", "--room-id", "{room}"),
                Step.of("delete-account", "--account-id", "{account}"));
    }
}
