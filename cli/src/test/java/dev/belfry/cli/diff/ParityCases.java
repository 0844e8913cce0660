package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** The parity gaps of issue 11: YAML 1.2 input, botocore's config files, retry modes, floats, --query. */
final class ParityCases {
    private static final List<StubServer.Response> ROOM = ok(200, "{\"Room\":{\"RoomId\":\"r1\",\"Name\":\"n\"}}");

    private ParityCases() {}

    private static DiffCase createRoom(String name, String yaml) {
        return DiffCase.of("parity: " + name, ROOM, "create-room", "--cli-input-yaml", yaml);
    }

    private static DiffCase room(String name, String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"get-room", "--account-id", "a", "--room-id", "r"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return DiffCase.of("parity: " + name, ROOM, args);
    }

    private static DiffCase fromFilesOnly(DiffCase c) {
        return c.env("AWS_DEFAULT_REGION", "<unset>")
                .env("AWS_ACCESS_KEY_ID", "<unset>")
                .env("AWS_SECRET_ACCESS_KEY", "<unset>");
    }

    static List<DiffCase> all() {
        return List.of(
                createRoom("yaml 1.2: no stays a string", "AccountId: a\nName: no\n"),
                createRoom(
                        "yaml 1.2: on, off and yes stay strings", "AccountId: a\nName: on\nClientRequestToken: yes\n"),
                createRoom("yaml 1.2: 12:30 stays a string", "AccountId: a\nName: 12:30\n"),
                DiffCase.of(
                                "parity: yaml 1.2 from a file",
                                ROOM,
                                "create-room",
                                "--cli-input-yaml",
                                "file://@HOME@/r.yaml")
                        .file("r.yaml", "AccountId: a\nName: off\n"),
                createRoom("yaml 1.2: true is a boolean", "AccountId: a\nName: true\n"),
                fromFilesOnly(room("config keys are case-insensitive"))
                        .file(".aws/config", "[default]\nRegion = eu-west-1\nOUTPUT = text\n")
                        .file(
                                ".aws/credentials",
                                "[default]\nAWS_Access_Key_Id = AKIDUPPER\nAws_Secret_Access_Key = s1\n"),
                fromFilesOnly(room("a config value continues on an indented line"))
                        .file(".aws/config", "[default]\nregion = eu-west-1\n# between\n  more\n")
                        .file(".aws/credentials", "[default]\naws_access_key_id = AKID\naws_secret_access_key = s1\n"),
                fromFilesOnly(room("blank and comment lines inside a section"))
                        .file(".aws/config", "[default]\n\n; a comment\nregion = ap-south-1\n\n\noutput = yaml\n\n")
                        .file(".aws/credentials", "[default]\naws_access_key_id=AKID\naws_secret_access_key:s1\n"),
                fromFilesOnly(room("AWS_CONFIG_FILE expands $HOME"))
                        .env("AWS_CONFIG_FILE", "$HOME/elsewhere/cfg")
                        .env("AWS_SHARED_CREDENTIALS_FILE", "${HOME}/elsewhere/creds")
                        .file("elsewhere/cfg", "[default]\nregion = eu-north-1\n")
                        .file(
                                "elsewhere/creds",
                                "[default]\naws_access_key_id = AKIDVARS\naws_secret_access_key = s\n"),
                fromFilesOnly(room("AWS_SHARED_CREDENTIALS_FILE expands ~ and an unknown $VAR stays"))
                        .env("AWS_CONFIG_FILE", "~/$NOT_SET_ANYWHERE/cfg")
                        .env("AWS_SHARED_CREDENTIALS_FILE", "~/c")
                        .file("$NOT_SET_ANYWHERE/cfg", "[default]\nregion = sa-east-1\n")
                        .file("c", "[default]\naws_access_key_id = AKIDTILDE\naws_secret_access_key = s\n"),
                room("AWS_RETRY_MODE=legacy is refused").env("AWS_RETRY_MODE", "legacy"),
                room("AWS_RETRY_MODE=adaptive").env("AWS_RETRY_MODE", "adaptive"),
                room("retry_mode from the profile")
                        .env("AWS_DEFAULT_REGION", "<unset>")
                        .file(".aws/config", "[default]\nregion = eu-west-1\nretry_mode = legacy\n"),
                DiffCase.of(
                                "adaptive retries a 503 like standard",
                                List.of(
                                        ok(503, "{\"Code\":\"ServiceUnavailable\",\"Message\":\"x\"}")
                                                .get(0),
                                        ROOM.get(0)),
                                "get-room",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r")
                        .env("AWS_RETRY_MODE", "adaptive"),
                room(
                        "floats print as Python's shortest repr",
                        "--query",
                        "[avg([`0.1`, `0.2`]), avg([`1`, `2`, `4`])]"),
                room("large and small floats", "--query", "[avg([`1e16`, `3e16`]), avg([`1e-5`, `3e-5`]), `1.5e300`]"),
                room(
                        "floats in text output",
                        "--output",
                        "text",
                        "--query",
                        "[avg([`0.1`, `0.2`]), `100000000000000000000.0`]"),
                room("--query over a listing", "--query", "Room.{id: RoomId, n: Name, len: length(Name)}"));
    }
}
