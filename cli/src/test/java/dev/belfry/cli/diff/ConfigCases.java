package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;

import java.util.List;

/** Credentials, region and profiles from the environment and ~/.aws files, with the AWS CLI's precedence. */
final class ConfigCases {
    private static final List<StubServer.Response> ROOM = ok(200, "{\"Room\":{\"RoomId\":\"r1\"}}");
    private static final String CONFIG =
            "[default]\nregion = eu-west-1\n\n[profile dev]\nregion = ap-south-1\n" + "output = text\n";
    private static final String CREDENTIALS =
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n"
                    + "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s2\naws_session_token = tok\n";

    private ConfigCases() {}

    static DiffCase room(String name) {
        return DiffCase.of(name, ROOM, "get-room", "--account-id", "a", "--room-id", "r");
    }

    static List<DiffCase> all() {
        return List.of(
                room("--region changes the signing scope").env("AWS_DEFAULT_REGION", "us-east-1"),
                DiffCase.of(
                        "--region option",
                        ROOM,
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--region",
                        "eu-central-1"),
                room("AWS_REGION beats AWS_DEFAULT_REGION").env("AWS_REGION", "us-west-2"),
                room("region from the default profile")
                        .env("AWS_DEFAULT_REGION", "<unset>")
                        .file(".aws/config", CONFIG),
                room("no region at all").env("AWS_DEFAULT_REGION", "<unset>"),
                room("credentials from the credentials file")
                        .env("AWS_ACCESS_KEY_ID", "<unset>")
                        .env("AWS_SECRET_ACCESS_KEY", "<unset>")
                        .file(".aws/credentials", CREDENTIALS),
                DiffCase.of(
                                "--profile picks region, output and session token",
                                ROOM,
                                "get-room",
                                "--account-id",
                                "a",
                                "--room-id",
                                "r",
                                "--profile",
                                "dev")
                        .env("AWS_DEFAULT_REGION", "<unset>")
                        .file(".aws/config", CONFIG)
                        .file(".aws/credentials", CREDENTIALS),
                room("AWS_PROFILE selects the profile")
                        .env("AWS_PROFILE", "dev")
                        .env("AWS_ACCESS_KEY_ID", "<unset>")
                        .env("AWS_SECRET_ACCESS_KEY", "<unset>")
                        .file(".aws/config", CONFIG)
                        .file(".aws/credentials", CREDENTIALS),
                room("environment keys beat AWS_PROFILE")
                        .env("AWS_PROFILE", "dev")
                        .file(".aws/config", CONFIG)
                        .file(".aws/credentials", CREDENTIALS),
                room("session token from the environment").env("AWS_SESSION_TOKEN", "envtoken"),
                DiffCase.of(
                        "unknown profile",
                        ROOM,
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--profile",
                        "nope"),
                room("no credentials").env("AWS_ACCESS_KEY_ID", "<unset>").env("AWS_SECRET_ACCESS_KEY", "<unset>"),
                DiffCase.of(
                        "--no-sign-request sends no Authorization",
                        ROOM,
                        "get-room",
                        "--account-id",
                        "a",
                        "--room-id",
                        "r",
                        "--no-sign-request"),
                room("AWS_CONFIG_FILE elsewhere")
                        .env("AWS_DEFAULT_REGION", "<unset>")
                        .env("AWS_CONFIG_FILE", "@HOME@/cfg")
                        .file("cfg", "[default]\nregion = sa-east-1\n"),
                room("AWS_MAX_ATTEMPTS=1 does not retry").env("AWS_MAX_ATTEMPTS", "1"));
    }
}
