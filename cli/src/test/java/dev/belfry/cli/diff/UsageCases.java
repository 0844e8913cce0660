package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** argparse's usage errors, unknown options and the operation choice list, all exit 252. */
final class UsageCases {
    private static final List<StubServer.Response> ANY = ok(200, "{}");

    private UsageCases() {}

    static List<DiffCase> all() {
        return List.of(
                DiffCase.of("missing two required", ANY, "batch-create-room-membership", "--account-id", "a"),
                DiffCase.of("missing all required", ANY, "batch-create-room-membership"),
                DiffCase.of("missing one required", ANY, "get-room", "--account-id", "a"),
                DiffCase.of(
                        "unknown option and word",
                        ANY,
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--bogus",
                        "1"),
                DiffCase.of("stray positional", ANY, "get-room", "--account-id", "a", "--room-id", "r", "extra"),
                DiffCase.of("two stray positionals", ANY, "get-room", "--account-id", "a", "--room-id", "r", "x", "y"),
                DiffCase.of("option without its value", ANY, "batch-create-room-membership", "--account-id"),
                DiffCase.of("value looks like an option", ANY, "get-room", "--account-id", "--room-id", "r"),
                DiffCase.of(
                        "list option without values",
                        ANY,
                        "batch-create-room-membership",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--membership-item-list"),
                DiffCase.of("invalid operation", ANY, "get-rooom")
                        .gap("aws 2.9.19 bundles an older chime model; the choice "
                                + "list differs by the operations added since"),
                DiffCase.of(
                        "invalid --output", ANY, "get-room", "--account-id", "a", "--room-id", "r", "--output", "xml"),
                DiffCase.of(
                        "--output without value", ANY, "get-room", "--account-id", "a", "--room-id", "r", "--output"),
                DiffCase.of("invalid skeleton choice", ANY, "get-room", "--generate-cli-skeleton", "json"),
                DiffCase.of(
                        "flag given a value",
                        ANY,
                        "update-bot",
                        "--account-id",
                        "a",
                        "--bot-id",
                        "b",
                        "--disabled=yes"),
                DiffCase.of(
                        "negative number is a value", ANY, "list-rooms", "--account-id", "a", "--max-results", "-1"),
                DiffCase.of(
                        "value starting with a dash and space",
                        ANY,
                        "get-room",
                        "--account-id",
                        "-a b",
                        "--room-id",
                        "r"),
                DiffCase.of(
                        "ambiguous global prefix", ANY, "get-room", "--account-id", "a", "--room-id", "r", "--cli-"),
                DiffCase.of(
                        "global option before the operation",
                        ok(200, "{\"Room\":{\"RoomId\":\"r\"}}"),
                        "--output",
                        "text",
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r"),
                DiffCase.of(
                        "global option between arguments",
                        ok(200, "{\"Room\":{\"RoomId\":\"r\"}}"),
                        "get-room",
                        "--account-id",
                        "a",
                        "--output",
                        "yaml",
                        "--room-id",
                        "r"),
                DiffCase.of(
                                "--debug keeps stdout and exit code",
                                ok(200, "{\"Room\":{\"RoomId\":\"r\"}}"),
                                "get-room",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--debug")
                        .stdoutOnly(),
                DiffCase.of(
                        "cli-auto-prompt without a terminal",
                        ANY,
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--cli-auto-prompt"),
                DiffCase.of(
                        "both cli inputs",
                        ANY,
                        "create-bot",
                        "--account-id",
                        "1",
                        "--display-name",
                        "x",
                        "--cli-input-json",
                        "{}",
                        "--cli-input-yaml",
                        "a: 1"));
    }
}
