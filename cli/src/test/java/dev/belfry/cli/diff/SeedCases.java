package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** batch-create-room-membership, the seed page's command: every shorthand and JSON form of its list. */
final class SeedCases {
    private static final String OK = "{\"Errors\":[]}";
    private static final String PARTIAL = "{\"Errors\":[{\"MemberId\":\"m2\",\"ErrorCode\":\"NotFound\","
            + "\"ErrorMessage\":\"The member was not found\"},{\"MemberId\":\"m3\",\"ErrorCode\":\"Conflict\"}]}";

    private SeedCases() {}

    static DiffCase seed(String name, String body, String... list) {
        String[] args = new String[6 + list.length];
        args[0] = "batch-create-room-membership";
        args[1] = "--account-id";
        args[2] = "12a3456b-7c89-012d-3456-78901e23fg45";
        args[3] = "--room-id";
        args[4] = "abcd1e2d-3e45-6789-01f2-3g45h67i890j";
        args[5] = "--membership-item-list";
        System.arraycopy(list, 0, args, 6, list.length);
        return DiffCase.of("seed: " + name, ok(201, body), args);
    }

    static List<DiffCase> all() {
        return List.of(
                seed(
                        "seed page example",
                        OK,
                        "MemberId=1ab2345c-67de-8901-f23g-45h678901j2k,Role=Administrator",
                        "MemberId=2ab2345c-67de-8901-f23g-45h678901j2k,Role=Member"),
                seed("one item", OK, "MemberId=m1"),
                seed("three items", OK, "MemberId=m1", "MemberId=m2,Role=Member", "Role=Administrator,MemberId=m3"),
                seed(
                        "partial errors are printed with ResponseMetadata",
                        PARTIAL,
                        "MemberId=m1",
                        "MemberId=m2",
                        "MemberId=m3"),
                seed("JSON list", OK, "[{\"MemberId\":\"m1\",\"Role\":\"Member\"},{\"MemberId\":\"m2\"}]"),
                seed("JSON list with leading spaces", OK, "  [ {\"MemberId\": \"m1\"} ]"),
                seed("JSON items as separate words", OK, "{\"MemberId\":\"m1\"}", "{\"MemberId\":\"m2\"}"),
                seed("double-quoted value with comma", OK, "MemberId=\"a,b\",Role=Member"),
                seed("single-quoted value", OK, "MemberId='it''s',Role=Member"),
                seed("single-quoted escaped quote", OK, "MemberId='it\\'s'"),
                seed("escaped comma", OK, "MemberId=a\\,b"),
                seed("spaces around separators", OK, "MemberId = m1 , Role = Member"),
                seed("trailing whitespace trimmed", OK, "MemberId=m1   "),
                seed("empty value", OK, "MemberId="),
                seed("unicode value", OK, "MemberId=m\u00fcller-\u4e2d"),
                seed("value with equals sign", OK, "MemberId=a=b"),
                seed("value with slash and colon", OK, "MemberId=arn:aws:chime:/x"),
                seed("csv list for a scalar fails validation", OK, "MemberId=a,b"),
                seed("unknown key fails validation", OK, "MemberId=x,Foo=2"),
                seed("missing equals", OK, "MemberId"),
                seed("missing value after comma", OK, "MemberId=a,Role"),
                seed("duplicate key", OK, "MemberId=a,MemberId=b"),
                seed("trailing comma", OK, "MemberId=a,"),
                seed("hash literal is taken as JSON", OK, "{MemberId=x}"),
                seed("broken JSON", OK, "[{"),
                seed("JSON not a list", OK, "[1, 2]"),
                seed("JSON wrong member type", OK, "[{\"MemberId\": 5}]"),
                seed("JSON trailing garbage", OK, "[{\"MemberId\":\"m\"}] x"),
                seed("role not in enum is still sent", OK, "MemberId=m1,Role=Owner"),
                seed("missing MemberId", OK, "Role=Member"),
                seed("explicit list value in shorthand", OK, "MemberId=[a,b]"),
                seed("hash value in shorthand", OK, "MemberId={a=b}"),
                DiffCase.of(
                        "seed: equals form",
                        ok(201, OK),
                        "batch-create-room-membership",
                        "--account-id=a1",
                        "--room-id=r1",
                        "--membership-item-list=MemberId=m1,Role=Member"),
                DiffCase.of(
                        "seed: path ids are percent-encoded",
                        ok(201, OK),
                        "batch-create-room-membership",
                        "--account-id",
                        "a 1/b",
                        "--room-id",
                        "r%1~x",
                        "--membership-item-list",
                        "MemberId=m1"),
                DiffCase.of(
                        "seed: options in another order",
                        ok(201, OK),
                        "batch-create-room-membership",
                        "--membership-item-list",
                        "MemberId=m1",
                        "MemberId=m2",
                        "--room-id",
                        "r1",
                        "--account-id",
                        "a1"),
                DiffCase.of(
                        "seed: repeated option, last wins",
                        ok(201, OK),
                        "batch-create-room-membership",
                        "--account-id",
                        "a1",
                        "--account-id",
                        "a2",
                        "--room-id",
                        "r1",
                        "--membership-item-list",
                        "MemberId=m1"),
                DiffCase.of(
                        "seed: unique prefix abbreviation",
                        ok(201, OK),
                        "batch-create-room-membership",
                        "--acc",
                        "a1",
                        "--room",
                        "r1",
                        "--membership",
                        "MemberId=m1"));
    }
}
