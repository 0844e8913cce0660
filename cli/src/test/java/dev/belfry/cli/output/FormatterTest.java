package dev.belfry.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.cli.json.PyJsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each --output formatter over the same responses. Expected bytes were produced by the AWS CLI's own
 * {@code awscli.formatter.get_formatter(output, args)} called on the same data.
 */
class FormatterTest {
    record Case(String output, String name, String json, String expected) {
        @Override
        public String toString() {
            return output + " " + name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "json",
                        "room",
                        "{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"Ops, \\\"q\\\"\", \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\", \"Count\": 3, \"Flag\": true}}",
                        "{\n    \"Room\": {\n        \"RoomId\": \"r1\",\n        \"Name\": \"Ops, \\\"q\\\"\",\n        \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\",\n        \"Count\": 3,\n        \"Flag\": true\n    }\n}\n"),
                new Case(
                        "json",
                        "list",
                        "{\"RoomMemberships\": [{\"RoomId\": \"r1\", \"Member\": {\"MemberId\": \"m1\", \"MemberType\": \"User\"}, \"Role\": \"Member\"}, {\"RoomId\": \"r2\", \"Member\": {\"MemberId\": \"m2\"}, \"Role\": \"Administrator\", \"Extra\": \"e\"}]}",
                        "{\n    \"RoomMemberships\": [\n        {\n            \"RoomId\": \"r1\",\n            \"Member\": {\n                \"MemberId\": \"m1\",\n                \"MemberType\": \"User\"\n            },\n            \"Role\": \"Member\"\n        },\n        {\n            \"RoomId\": \"r2\",\n            \"Member\": {\n                \"MemberId\": \"m2\"\n            },\n            \"Role\": \"Administrator\",\n            \"Extra\": \"e\"\n        }\n    ]\n}\n"),
                new Case(
                        "json",
                        "scalars",
                        "{\"Names\": [\"a\", \"b c\", \"d\"], \"Empty\": [], \"Nested\": {\"Deep\": {\"X\": \"1\"}}}",
                        "{\n    \"Names\": [\n        \"a\",\n        \"b c\",\n        \"d\"\n    ],\n    \"Empty\": [],\n    \"Nested\": {\n        \"Deep\": {\n            \"X\": \"1\"\n        }\n    }\n}\n"),
                new Case(
                        "json",
                        "unicode",
                        "{\"Name\": \"Ann \\u00e9 \\u4e2d\", \"Quote\": \"it's\", \"Multi\": \"line1\\nline2\", \"Empty\": \"\", \"Num\": \"123\", \"Bool\": \"true\", \"Null\": null}",
                        "{\n    \"Name\": \"Ann \u00e9 \u4e2d\",\n    \"Quote\": \"it's\",\n    \"Multi\": \"line1\\nline2\",\n    \"Empty\": \"\",\n    \"Num\": \"123\",\n    \"Bool\": \"true\",\n    \"Null\": null\n}\n"),
                new Case(
                        "json",
                        "errors",
                        "{\"ResponseMetadata\": {\"RequestId\": \"id\", \"HTTPStatusCode\": 201, \"HTTPHeaders\": {\"content-type\": \"application/json\"}, \"RetryAttempts\": 0}, \"Errors\": [{\"MemberId\": \"m\", \"ErrorCode\": \"NotFound\"}]}",
                        "{\n    \"ResponseMetadata\": {\n        \"RequestId\": \"id\",\n        \"HTTPStatusCode\": 201,\n        \"HTTPHeaders\": {\n            \"content-type\": \"application/json\"\n        },\n        \"RetryAttempts\": 0\n    },\n    \"Errors\": [\n        {\n            \"MemberId\": \"m\",\n            \"ErrorCode\": \"NotFound\"\n        }\n    ]\n}\n"),
                new Case("json", "empty", "{}", ""),
                new Case(
                        "json",
                        "listofdicts-mixed",
                        "{\"Items\": [{\"A\": \"1\", \"B\": [\"x\", \"y\"]}, {\"A\": \"2\", \"C\": {\"D\": \"e\"}}]}",
                        "{\n    \"Items\": [\n        {\n            \"A\": \"1\",\n            \"B\": [\n                \"x\",\n                \"y\"\n            ]\n        },\n        {\n            \"A\": \"2\",\n            \"C\": {\n                \"D\": \"e\"\n            }\n        }\n    ]\n}\n"),
                new Case(
                        "text",
                        "room",
                        "{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"Ops, \\\"q\\\"\", \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\", \"Count\": 3, \"Flag\": true}}",
                        "ROOM\t3\t2019-12-02T22:46:58.123000+00:00\tTrue\tOps, \"q\"\tr1\n"),
                new Case(
                        "text",
                        "list",
                        "{\"RoomMemberships\": [{\"RoomId\": \"r1\", \"Member\": {\"MemberId\": \"m1\", \"MemberType\": \"User\"}, \"Role\": \"Member\"}, {\"RoomId\": \"r2\", \"Member\": {\"MemberId\": \"m2\"}, \"Role\": \"Administrator\", \"Extra\": \"e\"}]}",
                        "ROOMMEMBERSHIPS\t\tMember\tr1\nMEMBER\tm1\tUser\nROOMMEMBERSHIPS\te\tAdministrator\tr2\nMEMBER\tm2\n"),
                new Case(
                        "text",
                        "scalars",
                        "{\"Names\": [\"a\", \"b c\", \"d\"], \"Empty\": [], \"Nested\": {\"Deep\": {\"X\": \"1\"}}}",
                        "NAMES\ta\nNAMES\tb c\nNAMES\td\nDEEP\t1\n"),
                new Case(
                        "text",
                        "unicode",
                        "{\"Name\": \"Ann \\u00e9 \\u4e2d\", \"Quote\": \"it's\", \"Multi\": \"line1\\nline2\", \"Empty\": \"\", \"Num\": \"123\", \"Bool\": \"true\", \"Null\": null}",
                        "true\t\tline1\nline2\tAnn \u00e9 \u4e2d\tNone\t123\tit's\n"),
                new Case(
                        "text",
                        "errors",
                        "{\"ResponseMetadata\": {\"RequestId\": \"id\", \"HTTPStatusCode\": 201, \"HTTPHeaders\": {\"content-type\": \"application/json\"}, \"RetryAttempts\": 0}, \"Errors\": [{\"MemberId\": \"m\", \"ErrorCode\": \"NotFound\"}]}",
                        "ERRORS\tNotFound\tm\nRESPONSEMETADATA\t201\tid\t0\nHTTPHEADERS\tapplication/json\n"),
                new Case("text", "empty", "{}", ""),
                new Case(
                        "text",
                        "listofdicts-mixed",
                        "{\"Items\": [{\"A\": \"1\", \"B\": [\"x\", \"y\"]}, {\"A\": \"2\", \"C\": {\"D\": \"e\"}}]}",
                        "ITEMS\t1\nB\tx\nB\ty\nITEMS\t2\nC\te\n"),
                new Case(
                        "table",
                        "room",
                        "{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"Ops, \\\"q\\\"\", \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\", \"Count\": 3, \"Flag\": true}}",
                        "-------------------------------------------------------------------------------\n|                                  get-room                                   |\n+-----------------------------------------------------------------------------+\n||                                   Room                                    ||\n|+-------+------------------------------------+-------+-----------+----------+|\n|| Count |         CreatedTimestamp           | Flag  |   Name    | RoomId   ||\n|+-------+------------------------------------+-------+-----------+----------+|\n||  3    |  2019-12-02T22:46:58.123000+00:00  |  True |  Ops, \"q\" |  r1      ||\n|+-------+------------------------------------+-------+-----------+----------+|\n"),
                new Case(
                        "table",
                        "list",
                        "{\"RoomMemberships\": [{\"RoomId\": \"r1\", \"Member\": {\"MemberId\": \"m1\", \"MemberType\": \"User\"}, \"Role\": \"Member\"}, {\"RoomId\": \"r2\", \"Member\": {\"MemberId\": \"m2\"}, \"Role\": \"Administrator\", \"Extra\": \"e\"}]}",
                        "----------------------------------------\n|               get-room               |\n+--------------------------------------+\n||           RoomMemberships          ||\n|+----------+------------+------------+|\n||   Extra  |   Role     |  RoomId    ||\n|+----------+------------+------------+|\n||          |  Member    |  r1        ||\n|+----------+------------+------------+|\n|||              Member              |||\n||+---------------+------------------+||\n|||   MemberId    |   MemberType     |||\n||+---------------+------------------+||\n|||  m1           |  User            |||\n||+---------------+------------------+||\n||           RoomMemberships          ||\n|+-------+-----------------+----------+|\n|| Extra |      Role       | RoomId   ||\n|+-------+-----------------+----------+|\n||  e    |  Administrator  |  r2      ||\n|+-------+-----------------+----------+|\n|||              Member              |||\n||+----------------------+-----------+||\n|||  MemberId            |  m2       |||\n||+----------------------+-----------+||\n"),
                new Case(
                        "table",
                        "scalars",
                        "{\"Names\": [\"a\", \"b c\", \"d\"], \"Empty\": [], \"Nested\": {\"Deep\": {\"X\": \"1\"}}}",
                        "----------------\n|   get-room   |\n+--------------+\n||    Names   ||\n|+------------+|\n||  a         ||\n||  b c       ||\n||  d         ||\n|+------------+|\n||   Nested   ||\n|+------------+|\n|||   Deep   |||\n||+----+-----+||\n|||  X |  1  |||\n||+----+-----+||\n"),
                new Case(
                        "table",
                        "unicode",
                        "{\"Name\": \"Ann \\u00e9 \\u4e2d\", \"Quote\": \"it's\", \"Multi\": \"line1\\nline2\", \"Empty\": \"\", \"Num\": \"123\", \"Bool\": \"true\", \"Null\": null}",
                        "-----------------------------------------------------------------------\n|                              get-room                               |\n+------+--------+--------------+------------+-------+-------+---------+\n| Bool | Empty  |    Multi     |   Name     | Null  |  Num  |  Quote  |\n+------+--------+--------------+------------+-------+-------+---------+\n|  true|        |  line1\nline2 |  Ann \u00e9 \u4e2d |  None |  123  |  it's   |\n+------+--------+--------------+------------+-------+-------+---------+\n"),
                new Case(
                        "table",
                        "errors",
                        "{\"ResponseMetadata\": {\"RequestId\": \"id\", \"HTTPStatusCode\": 201, \"HTTPHeaders\": {\"content-type\": \"application/json\"}, \"RetryAttempts\": 0}, \"Errors\": [{\"MemberId\": \"m\", \"ErrorCode\": \"NotFound\"}]}",
                        "----------------------------------------------------\n|                     get-room                     |\n+--------------------------------------------------+\n||                     Errors                     ||\n|+------------------------+-----------------------+|\n||        ErrorCode       |       MemberId        ||\n|+------------------------+-----------------------+|\n||  NotFound              |  m                    ||\n|+------------------------+-----------------------+|\n||                ResponseMetadata                ||\n|+----------------+-------------+-----------------+|\n|| HTTPStatusCode |  RequestId  |  RetryAttempts  ||\n|+----------------+-------------+-----------------+|\n||  201           |  id         |  0              ||\n|+----------------+-------------+-----------------+|\n|||                  HTTPHeaders                 |||\n||+-------------------+--------------------------+||\n|||  content-type     |  application/json        |||\n||+-------------------+--------------------------+||\n"),
                new Case("table", "empty", "{}", ""),
                new Case(
                        "table",
                        "listofdicts-mixed",
                        "{\"Items\": [{\"A\": \"1\", \"B\": [\"x\", \"y\"]}, {\"A\": \"2\", \"C\": {\"D\": \"e\"}}]}",
                        "----------------\n|   get-room   |\n+--------------+\n||    Items   ||\n|+------------+|\n||      A     ||\n|+------------+|\n||  1         ||\n|+------------+|\n|||     B    |||\n||+----------+||\n|||  x       |||\n|||  y       |||\n||+----------+||\n||    Items   ||\n|+------------+|\n||      A     ||\n|+------------+|\n||  2         ||\n|+------------+|\n|||     C    |||\n||+----+-----+||\n|||  D |  e  |||\n||+----+-----+||\n"),
                new Case(
                        "yaml",
                        "room",
                        "{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"Ops, \\\"q\\\"\", \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\", \"Count\": 3, \"Flag\": true}}",
                        "Room:\n  Count: 3\n  CreatedTimestamp: '2019-12-02T22:46:58.123000+00:00'\n  Flag: true\n  Name: Ops, \"q\"\n  RoomId: r1\n"),
                new Case(
                        "yaml",
                        "list",
                        "{\"RoomMemberships\": [{\"RoomId\": \"r1\", \"Member\": {\"MemberId\": \"m1\", \"MemberType\": \"User\"}, \"Role\": \"Member\"}, {\"RoomId\": \"r2\", \"Member\": {\"MemberId\": \"m2\"}, \"Role\": \"Administrator\", \"Extra\": \"e\"}]}",
                        "RoomMemberships:\n- Member:\n    MemberId: m1\n    MemberType: User\n  Role: Member\n  RoomId: r1\n- Extra: e\n  Member:\n    MemberId: m2\n  Role: Administrator\n  RoomId: r2\n"),
                new Case(
                        "yaml",
                        "scalars",
                        "{\"Names\": [\"a\", \"b c\", \"d\"], \"Empty\": [], \"Nested\": {\"Deep\": {\"X\": \"1\"}}}",
                        "Empty: []\nNames:\n- a\n- b c\n- d\nNested:\n  Deep:\n    X: '1'\n"),
                new Case(
                        "yaml",
                        "unicode",
                        "{\"Name\": \"Ann \\u00e9 \\u4e2d\", \"Quote\": \"it's\", \"Multi\": \"line1\\nline2\", \"Empty\": \"\", \"Num\": \"123\", \"Bool\": \"true\", \"Null\": null}",
                        "Bool: 'true'\nEmpty: ''\nMulti: 'line1\n\n  line2'\nName: Ann \u00e9 \u4e2d\n'Null': null\nNum: '123'\nQuote: it's\n"),
                new Case(
                        "yaml",
                        "errors",
                        "{\"ResponseMetadata\": {\"RequestId\": \"id\", \"HTTPStatusCode\": 201, \"HTTPHeaders\": {\"content-type\": \"application/json\"}, \"RetryAttempts\": 0}, \"Errors\": [{\"MemberId\": \"m\", \"ErrorCode\": \"NotFound\"}]}",
                        "Errors:\n- ErrorCode: NotFound\n  MemberId: m\nResponseMetadata:\n  HTTPHeaders:\n    content-type: application/json\n  HTTPStatusCode: 201\n  RequestId: id\n  RetryAttempts: 0\n"),
                new Case("yaml", "empty", "{}", ""),
                new Case(
                        "yaml",
                        "listofdicts-mixed",
                        "{\"Items\": [{\"A\": \"1\", \"B\": [\"x\", \"y\"]}, {\"A\": \"2\", \"C\": {\"D\": \"e\"}}]}",
                        "Items:\n- A: '1'\n  B:\n  - x\n  - y\n- A: '2'\n  C:\n    D: e\n"),
                new Case(
                        "yaml-stream",
                        "room",
                        "{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"Ops, \\\"q\\\"\", \"CreatedTimestamp\": \"2019-12-02T22:46:58.123000+00:00\", \"Count\": 3, \"Flag\": true}}",
                        "- Room:\n    Count: 3\n    CreatedTimestamp: '2019-12-02T22:46:58.123000+00:00'\n    Flag: true\n    Name: Ops, \"q\"\n    RoomId: r1\n"),
                new Case(
                        "yaml-stream",
                        "list",
                        "{\"RoomMemberships\": [{\"RoomId\": \"r1\", \"Member\": {\"MemberId\": \"m1\", \"MemberType\": \"User\"}, \"Role\": \"Member\"}, {\"RoomId\": \"r2\", \"Member\": {\"MemberId\": \"m2\"}, \"Role\": \"Administrator\", \"Extra\": \"e\"}]}",
                        "- RoomMemberships:\n  - Member:\n      MemberId: m1\n      MemberType: User\n    Role: Member\n    RoomId: r1\n  - Extra: e\n    Member:\n      MemberId: m2\n    Role: Administrator\n    RoomId: r2\n"),
                new Case(
                        "yaml-stream",
                        "scalars",
                        "{\"Names\": [\"a\", \"b c\", \"d\"], \"Empty\": [], \"Nested\": {\"Deep\": {\"X\": \"1\"}}}",
                        "- Empty: []\n  Names:\n  - a\n  - b c\n  - d\n  Nested:\n    Deep:\n      X: '1'\n"),
                new Case(
                        "yaml-stream",
                        "unicode",
                        "{\"Name\": \"Ann \\u00e9 \\u4e2d\", \"Quote\": \"it's\", \"Multi\": \"line1\\nline2\", \"Empty\": \"\", \"Num\": \"123\", \"Bool\": \"true\", \"Null\": null}",
                        "- Bool: 'true'\n  Empty: ''\n  Multi: 'line1\n\n    line2'\n  Name: Ann \u00e9 \u4e2d\n  'Null': null\n  Num: '123'\n  Quote: it's\n"),
                new Case(
                        "yaml-stream",
                        "errors",
                        "{\"ResponseMetadata\": {\"RequestId\": \"id\", \"HTTPStatusCode\": 201, \"HTTPHeaders\": {\"content-type\": \"application/json\"}, \"RetryAttempts\": 0}, \"Errors\": [{\"MemberId\": \"m\", \"ErrorCode\": \"NotFound\"}]}",
                        "- Errors:\n  - ErrorCode: NotFound\n    MemberId: m\n  ResponseMetadata:\n    HTTPHeaders:\n      content-type: application/json\n    HTTPStatusCode: 201\n    RequestId: id\n    RetryAttempts: 0\n"),
                new Case("yaml-stream", "empty", "{}", ""),
                new Case(
                        "yaml-stream",
                        "listofdicts-mixed",
                        "{\"Items\": [{\"A\": \"1\", \"B\": [\"x\", \"y\"]}, {\"A\": \"2\", \"C\": {\"D\": \"e\"}}]}",
                        "- Items:\n  - A: '1'\n    B:\n    - x\n    - y\n  - A: '2'\n    C:\n      D: e\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void formatsLikeTheAwsCli(Case c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Object> data = (Map<String, Object>) PyJsonReader.read(c.json());
        Formatters.create(c.output(), null)
                .format("get-room", data, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(c.expected());
    }
}
