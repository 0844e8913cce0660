package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ACCOUNT;
import static dev.belfry.cli.diff.Fixtures.MEMBERSHIP;
import static dev.belfry.cli.diff.Fixtures.ROOM;
import static dev.belfry.cli.diff.Fixtures.USER;
import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.ArrayList;
import java.util.List;

/** Every --output format and --query over the same responses. */
final class OutputCases {
    private OutputCases() {}

    static List<DiffCase> all() {
        List<DiffCase> cases = new ArrayList<>();
        String[][] responses = {
            {"get-room", "{\"Room\":" + ROOM + "}", "get-room", "--account-id", "a1", "--room-id", "r1"},
            {
                "list-room-memberships",
                "{\"RoomMemberships\":[" + MEMBERSHIP + "," + MEMBERSHIP + "]}",
                "list-room-memberships",
                "--account-id",
                "a1",
                "--room-id",
                "r1"
            },
            {
                "batch errors",
                "{\"Errors\":[{\"MemberId\":\"m2\",\"ErrorCode\":\"NotFound\",\"ErrorMessage\":\"gone\"}]}",
                "batch-create-room-membership",
                "--account-id",
                "a1",
                "--room-id",
                "r1",
                "--membership-item-list",
                "MemberId=m2"
            },
            {"get-user", "{\"User\":" + USER + "}", "get-user", "--account-id", "a1", "--user-id", "u1"},
            {"get-account", "{\"Account\":" + ACCOUNT + "}", "get-account", "--account-id", "a1"},
            {"empty list", "{\"RoomMemberships\":[]}", "list-room-memberships", "--account-id", "a1", "--room-id", "r1"
            },
        };
        for (String output : List.of("text", "table", "yaml", "yaml-stream")) {
            for (String[] r : responses) {
                List<String> args = new ArrayList<>(List.of(r).subList(2, r.length));
                args.add("--output");
                args.add(output);
                DiffCase c =
                        DiffCase.of("--output " + output + ": " + r[0], ok(200, r[1]), args.toArray(String[]::new));
                cases.add(c);
            }
        }
        String room = "{\"Room\":" + ROOM + "}";
        String members = "{\"RoomMemberships\":[" + MEMBERSHIP + "," + MEMBERSHIP + "]}";
        cases.add(query("field", room, "json", "Room.Name"));
        cases.add(query("projection", members, "json", "RoomMemberships[].Member.MemberId"));
        cases.add(query("multiselect hash", members, "json", "RoomMemberships[].{id:Member.MemberId,role:Role}"));
        cases.add(query("missing field gives null", room, "json", "Room.Nope"));
        cases.add(query("length function", members, "json", "length(RoomMemberships)"));
        cases.add(query("text of a list", members, "text", "RoomMemberships[].Member.MemberId"));
        cases.add(query("yaml of a scalar", room, "yaml", "Room.RoomId"));
        cases.add(query("filter", members, "json", "RoomMemberships[?Role=='Member'].RoomId"));
        cases.add(DiffCase.of(
                        "output from AWS_DEFAULT_OUTPUT",
                        ok(200, room),
                        "get-room",
                        "--account-id",
                        "a1",
                        "--room-id",
                        "r1")
                .env("AWS_DEFAULT_OUTPUT", "text"));
        cases.add(DiffCase.of(
                        "--output overrides the environment",
                        ok(200, room),
                        "get-room",
                        "--account-id",
                        "a1",
                        "--room-id",
                        "r1",
                        "--output",
                        "json")
                .env("AWS_DEFAULT_OUTPUT", "text"));
        return cases;
    }

    private static DiffCase query(String name, String body, String output, String query) {
        String[] args = body.contains("RoomMemberships")
                ? new String[] {
                    "list-room-memberships",
                    "--account-id",
                    "a1",
                    "--room-id",
                    "r1",
                    "--output",
                    output,
                    "--query",
                    query
                }
                : new String[] {
                    "get-room", "--account-id", "a1", "--room-id", "r1", "--output", output, "--query", query
                };
        return DiffCase.of("--query " + name, ok(200, body), args);
    }
}
