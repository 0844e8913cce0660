package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.MEMBERSHIP;
import static dev.belfry.cli.diff.Fixtures.ROOM;
import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.ArrayList;
import java.util.List;

/**
 * --query against jmespath.py as the AWS CLI runs it: invalid expressions (refused before any request,
 * "Bad value for --query ...", exit 252), errors while searching the response (the bare message, exit 255),
 * and Python's number, ordering and function rules in what is printed. Run only these with
 * {@code -Ddiff.only='--query '}.
 */
final class QueryCases {
    private static final String MEMBERS = "{\"RoomMemberships\":[" + MEMBERSHIP + ","
            + MEMBERSHIP.replace("m1", "m2").replace("\"Role\":\"Member\"", "\"Role\":\"Administrator\"") + "]}";

    private QueryCases() {}

    static List<DiffCase> all() {
        List<DiffCase> cases = new ArrayList<>();
        String[] invalid = {
            "foo[",
            "foo]",
            "foo.",
            "",
            "`{bad",
            "a == ",
            "\"\\u12\"",
            "foo[?a<]",
            "-",
            "a = b",
            "#",
            "foo(",
            "\"f\"(a)",
            "a.[b",
            "\u00e9t\u00e9",
            "`[1,`",
            "'abc",
            "foo[1:2:3:4]",
            "{a b}",
            "{1: b}",
            "[a b]",
            "a || ",
            "@(a)",
            "a[0](b)",
            "foo `1`",
            "foo `{\"a\": [1, 2.5, true, null]}`",
            "a <> b",
            "\"a\tb\"",
            "\"\\x\"",
            "\ud83d\ude00 x",
            "a\n.b c",
        };
        for (String q : invalid) {
            cases.add(room("invalid: " + q, "json", q));
        }
        cases.add(DiffCase.of(
                "--query invalid: checked before the missing required arguments",
                ok(200, "{}"),
                "get-room",
                "--query",
                "foo["));
        cases.add(DiffCase.of(
                "--query invalid: checked before the operation name", ok(200, "{}"), "no-such-op", "--query", "a.["));
        String[] runtime = {
            "length(Room.RoomId.x)",
            "length(`1`)",
            "foo(@)",
            "length(@, @)",
            "not_null()",
            "RoomMemberships[0].Role < `1`",
            "`1` <= RoomMemberships[0].Role",
            "[`1`, `2`][::0]",
            "sum(RoomMemberships[].Role)",
            "merge(`{}`, `1`)",
            "merge(`{}`, 'ab')",
            "abs(Room)",
            "join(', ', [`1`])",
            "sort([`1`, 'a'])",
            "min_by(RoomMemberships, &Member)",
            "min_by([`{\"a\": 1}`, `{\"a\": \"x\"}`], &a)",
            "ceil(`NaN`)",
            "floor(`Infinity`)",
            "contains('abc', `1`)",
            "&Room",
            "[&Room]",
            "{a: &Room}",
        };
        for (String q : runtime) {
            cases.add(members("runtime error: " + q, "json", q));
        }
        cases.add(members("runtime error, yaml: &Room", "yaml", "&Room").stdoutOnly());
        String[][] values = {
            {"avg is a float", "avg(`[1, 2]`)"},
            {
                "to_number of an int and a float string",
                "[to_number('1'), to_number('1.0'), to_number(' 1_0 '), to_number('x')]"
            },
            {"ceil and floor of floats are ints", "[ceil(`1.5`), floor(`-1.5`), ceil(`2`), floor(`1e20`)]"},
            {"1 == 1.0, 1 != true", "[`1` == `1.0`, `1` == `true`, `[1]` == `[true]`, `0` == `false`]"},
            {"strings order", "RoomMemberships[?Role > 'B'].Member.MemberId"},
            {"null against a number is null", "[Nope < `1` || 'n', `1` < `2`]"},
            {"sum keeps ints", "[sum(`[1, 2]`), sum(`[1, 2.0]`), sum(`[]`)]"},
            {"max and min keep the first of equals", "[max(`[1, 1.0]`), min(`[1.0, 1]`)]"},
            {
                "sort_by, min_by, max_by",
                "[sort_by(RoomMemberships, &Role)[].Role, min_by(RoomMemberships, &Member.MemberId).Role, max_by(RoomMemberships, &Role).Member.MemberId]"
            },
            {"to_string is compact and ASCII", "to_string(RoomMemberships[0].Member)"},
            {"type of each kind", "[type(`1`), type(`1.5`), type('s'), type(`true`), type(`null`), type(`[]`), type(@)]"
            },
            {"length counts code points", "length('\u00e9\ud83d\ude00')"},
            {
                "reverse and slices",
                "[reverse('ab\ud83d\ude00'), [`1`,`2`,`3`,`4`][::-2], [`1`,`2`,`3`][-1:0:-1], [`1`][5:]]"
            },
            {"not, and, or", "[!`0`, !'', !`[]`, `0` || 'x', '' && 'y', Nope || 'z']"},
            {"projections stop at pipes and null results are dropped", "RoomMemberships[*].Member | [0].MemberId"},
            {
                "flatten and value projection",
                "[RoomMemberships[].Member.*, RoomMemberships[0].Member.[MemberId, Nope]][][]"
            },
            {"function call quirk f(a b)", "not_null(Nope RoomMemberships[0].Role)"},
            {
                "merge, keys, values",
                "[keys(merge(RoomMemberships[0].Member, `{\"Extra\": 1}`)), values(RoomMemberships[1].Member)]"
            },
            {"raw string and JSON literals", "['a\\'b', `\"q\"`, `foo`, `1.50`, `-0.0`, `99999999999999999999`]"},
            {"multiselect hash keeps the last duplicate in the first place", "{a: `1`, b: `2`, a: `3`}"},
            {
                "big ints stay exact",
                "[`12345678901234567890123` == `12345678901234567890123.0`, abs(`-12345678901234567890123`)]"
            },
        };
        for (String[] v : values) {
            cases.add(members(v[0], "json", v[1]));
        }
        for (String output : List.of("text", "table", "yaml")) {
            cases.add(members(
                    "projection as " + output, output, "RoomMemberships[].{id: Member.MemberId, r: Role, n: `1.5`}"));
            cases.add(members("scalar list as " + output, output, "[avg(`[1, 2]`), to_number('3'), `null`, `true`]"));
        }
        return cases;
    }

    private static DiffCase room(String name, String output, String query) {
        return DiffCase.of(
                "--query " + name,
                ok(200, "{\"Room\":" + ROOM + "}"),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1",
                "--output",
                output,
                "--query",
                query);
    }

    private static DiffCase members(String name, String output, String query) {
        return DiffCase.of(
                "--query " + name,
                ok(200, MEMBERS),
                "list-room-memberships",
                "--account-id",
                "a1",
                "--room-id",
                "r1",
                "--output",
                output,
                "--query",
                query);
    }
}
