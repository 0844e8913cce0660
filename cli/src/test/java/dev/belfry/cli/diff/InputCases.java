package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** --cli-input-json/yaml, param files and --generate-cli-skeleton. */
final class InputCases {
    private static final List<StubServer.Response> OK = ok(201, "{\"Errors\":[]}");
    private static final String FULL = "{\"AccountId\":\"a1\",\"RoomId\":\"r1\",\"MembershipItemList\":"
            + "[{\"MemberId\":\"m1\",\"Role\":\"Member\"}]}";

    private InputCases() {}

    static DiffCase seed(String name, String... extra) {
        String[] args = new String[1 + extra.length];
        args[0] = "batch-create-room-membership";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return DiffCase.of(name, OK, args);
    }

    static List<DiffCase> all() {
        return List.of(
                seed("cli-input-json inline", "--cli-input-json", FULL),
                seed("cli-input-json explicit argument wins", "--cli-input-json", FULL, "--room-id", "r2"),
                seed(
                        "cli-input-json fills what is missing",
                        "--cli-input-json",
                        "{\"MembershipItemList\":[{\"MemberId\":\"x\"}]}",
                        "--account-id",
                        "a9",
                        "--room-id",
                        "r9"),
                seed("cli-input-json from file", "--cli-input-json", "file://@HOME@/in.json")
                        .file("in.json", FULL),
                seed("cli-input-json invalid", "--cli-input-json", "{nope"),
                seed("cli-input-json not a map", "--cli-input-json", "[1]"),
                seed(
                        "cli-input-json unknown key",
                        "--cli-input-json",
                        "{\"AccountId\":\"a\",\"RoomId\":\"r\"," + "\"MembershipItemList\":[],\"Bogus\":1}"),
                seed("cli-input-json missing required", "--cli-input-json", "{\"AccountId\":\"a\"}"),
                seed(
                        "cli-input-yaml inline",
                        "--cli-input-yaml",
                        "AccountId: a1\nRoomId: r1\nMembershipItemList:\n" + "- MemberId: m1\n  Role: Administrator\n"),
                seed("cli-input-yaml from file", "--cli-input-yaml", "file://@HOME@/in.yaml")
                        .file("in.yaml", "AccountId: a1\nRoomId: r1\nMembershipItemList: [{MemberId: m1}]\n"),
                seed("cli-input-yaml not a map", "--cli-input-yaml", "- 1\n- 2\n"),
                seed(
                                "param file JSON list",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--membership-item-list",
                                "file://@HOME@/items.json")
                        .file("items.json", "[{\"MemberId\":\"f1\"},{\"MemberId\":\"f2\"}]"),
                seed(
                                "param file shorthand",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--membership-item-list",
                                "file://@HOME@/items.txt")
                        .file("items.txt", "MemberId=f1,Role=Member"),
                seed(
                                "param file for a scalar",
                                "--account-id",
                                "file://@HOME@/account.txt",
                                "--room-id",
                                "r",
                                "--membership-item-list",
                                "MemberId=m")
                        .file("account.txt", "acct-from-file"),
                seed(
                        "param file missing",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--membership-item-list",
                        "file://@HOME@/missing.json"),
                seed(
                                "fileb param file",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--membership-item-list",
                                "fileb://@HOME@/items.json")
                        .file("items.json", "[{\"MemberId\":\"b1\"}]"),
                seed(
                                "two words, first a file, are not loaded",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--membership-item-list",
                                "file://@HOME@/items.txt",
                                "MemberId=m2")
                        .file("items.txt", "MemberId=f1"),
                seed("skeleton default", "--generate-cli-skeleton"),
                seed("skeleton input explicit", "--generate-cli-skeleton", "input"),
                seed(
                        "skeleton output",
                        "--generate-cli-skeleton",
                        "output",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--membership-item-list",
                        "MemberId=m"),
                seed("skeleton output needs required", "--generate-cli-skeleton", "output"),
                seed("skeleton yaml-input", "--generate-cli-skeleton", "yaml-input"),
                DiffCase.of(
                        "skeleton yaml-input for update-user",
                        OK,
                        "update-user",
                        "--generate-cli-skeleton",
                        "yaml-input"),
                DiffCase.of(
                        "skeleton yaml-input for create-account",
                        OK,
                        "create-account",
                        "--generate-cli-skeleton",
                        "yaml-input"),
                DiffCase.of("skeleton for create-room", OK, "create-room", "--generate-cli-skeleton"),
                DiffCase.of("skeleton for update-user", OK, "update-user", "--generate-cli-skeleton"),
                DiffCase.of("skeleton for list-accounts", OK, "list-accounts", "--generate-cli-skeleton"),
                DiffCase.of(
                        "skeleton output for get-room",
                        OK,
                        "get-room",
                        "--generate-cli-skeleton",
                        "output",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r"),
                DiffCase.of(
                        "skeleton output for list-users",
                        OK,
                        "list-users",
                        "--generate-cli-skeleton",
                        "output",
                        "--account-id",
                        "a"));
    }
}
