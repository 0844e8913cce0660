package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ACCOUNT;
import static dev.belfry.cli.diff.Fixtures.BOT;
import static dev.belfry.cli.diff.Fixtures.MEMBERSHIP;
import static dev.belfry.cli.diff.Fixtures.ROOM;
import static dev.belfry.cli.diff.Fixtures.USER;
import static dev.belfry.cli.diff.Fixtures.noContent;
import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** Every operation the server serves, with its arguments, through --output json. */
final class OperationCases {
  private OperationCases() {}

  static List<DiffCase> all() {
    return List.of(
        DiffCase.of("create-account", ok(201, "{\"Account\":" + ACCOUNT + "}"), "create-account", "--name", "Belfry"),
        DiffCase.of("get-account", ok(200, "{\"Account\":" + ACCOUNT + "}"), "get-account", "--account-id", "a1"),
        DiffCase.of("list-accounts --no-paginate", ok(200, "{\"Accounts\":[" + ACCOUNT + "," + ACCOUNT + "]}"),
            "list-accounts", "--no-paginate"),
        DiffCase.of("list-accounts filters", ok(200, "{\"Accounts\":[]}"), "list-accounts", "--name", "B",
            "--user-email", "a@b.c", "--max-results", "5", "--next-token", "t 1"),
        DiffCase.of("update-account", ok(200, "{}"), "update-account", "--account-id", "a1", "--name", "New",
            "--default-license", "Basic"),
        DiffCase.of("delete-account", noContent(), "delete-account", "--account-id", "a1"),
        DiffCase.of("create-user", ok(201, "{\"User\":" + USER + "}"), "create-user", "--account-id", "a1",
            "--username", "ann", "--email", "ann@example.com", "--user-type", "PrivateUser"),
        DiffCase.of("get-user", ok(200, "{\"User\":" + USER + "}"), "get-user", "--account-id", "a1", "--user-id", "u1"),
        DiffCase.of("list-users --no-paginate", ok(200, "{\"Users\":[" + USER + "]}"), "list-users", "--account-id",
            "a1", "--user-type", "PrivateUser", "--no-paginate"),
        DiffCase.of("update-user", ok(200, "{}"), "update-user", "--account-id", "a1", "--user-id", "u1",
            "--license-type", "Basic", "--alexa-for-business-metadata", "IsAlexaForBusinessEnabled=true,AlexaForBusinessRoomArn=arn"),
        DiffCase.of("batch-suspend-user", ok(200, "{\"UserErrors\":[{\"UserId\":\"u2\",\"ErrorCode\":\"NotFound\","
            + "\"ErrorMessage\":\"no\"}]}"), "batch-suspend-user", "--account-id", "a1", "--user-id-list", "u1", "u2"),
        DiffCase.of("batch-unsuspend-user", ok(200, "{\"UserErrors\":[]}"), "batch-unsuspend-user", "--account-id",
            "a1", "--user-id-list", "u1"),
        DiffCase.of("batch-unsuspend-user JSON list", ok(200, "{\"UserErrors\":[]}"), "batch-unsuspend-user",
            "--account-id", "a1", "--user-id-list", "[\"u1\",\"u2\"]"),
        DiffCase.of("create-bot", ok(201, "{\"Bot\":" + BOT + "}"), "create-bot", "--account-id", "a1",
            "--display-name", "Helper", "--domain", "example.com"),
        DiffCase.of("get-bot", ok(200, "{\"Bot\":" + BOT + "}"), "get-bot", "--account-id", "a1", "--bot-id", "b1"),
        DiffCase.of("list-bots", ok(200, "{\"Bots\":[" + BOT + "],\"NextToken\":\"n2\"}"), "list-bots",
            "--account-id", "a1", "--max-results", "1"),
        DiffCase.of("update-bot --disabled", ok(200, "{\"Bot\":" + BOT + "}"), "update-bot", "--account-id", "a1",
            "--bot-id", "b1", "--disabled"),
        DiffCase.of("update-bot --no-disabled", ok(200, "{\"Bot\":" + BOT + "}"), "update-bot", "--account-id", "a1",
            "--bot-id", "b1", "--no-disabled"),
        DiffCase.of("update-bot no body members set", ok(200, "{\"Bot\":" + BOT + "}"), "update-bot", "--account-id",
            "a1", "--bot-id", "b1"),
        DiffCase.of("create-room", ok(201, "{\"Room\":" + ROOM + "}"), "create-room", "--account-id", "a1",
            "--name", "Ops"),
        DiffCase.of("create-room with token", ok(201, "{\"Room\":" + ROOM + "}"), "create-room", "--account-id", "a1",
            "--name", "Ops", "--client-request-token", "tok-1234567890"),
        DiffCase.of("get-room", ok(200, "{\"Room\":" + ROOM + "}"), "get-room", "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("list-rooms", ok(200, "{\"Rooms\":[" + ROOM + "," + ROOM + "]}"), "list-rooms", "--account-id",
            "a1", "--member-id", "m1", "--max-results", "2"),
        DiffCase.of("update-room", ok(200, "{\"Room\":" + ROOM + "}"), "update-room", "--account-id", "a1",
            "--room-id", "r1", "--name", "Renamed"),
        DiffCase.of("update-room nothing to change", ok(200, "{\"Room\":" + ROOM + "}"), "update-room",
            "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("delete-room", noContent(), "delete-room", "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("create-room-membership", ok(201, "{\"RoomMembership\":" + MEMBERSHIP + "}"),
            "create-room-membership", "--account-id", "a1", "--room-id", "r1", "--member-id", "m1", "--role", "Member"),
        DiffCase.of("list-room-memberships", ok(200, "{\"RoomMemberships\":[" + MEMBERSHIP + "," + MEMBERSHIP
            + "],\"NextToken\":\"x\"}"), "list-room-memberships", "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("update-room-membership", ok(200, "{\"RoomMembership\":" + MEMBERSHIP + "}"),
            "update-room-membership", "--account-id", "a1", "--room-id", "r1", "--member-id", "m1", "--role",
            "Administrator"),
        DiffCase.of("delete-room-membership", noContent(), "delete-room-membership", "--account-id", "a1",
            "--room-id", "r1", "--member-id", "m1"),
        DiffCase.of("unknown response keys are dropped", ok(200, "{\"Room\":" + ROOM + ",\"Extra\":1}"), "get-room",
            "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("empty response prints nothing", ok(200, "{}"), "get-room", "--account-id", "a1", "--room-id", "r1"),
        DiffCase.of("integer argument not a number", ok(200, "{}"), "list-rooms", "--account-id", "a1",
            "--max-results", "ten"),
        DiffCase.of("operation outside the served set still parses", ok(200, "{\"EventsConfiguration\":{}}"),
            "get-events-configuration", "--account-id", "a1", "--bot-id", "b1"));
  }
}
