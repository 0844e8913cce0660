package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.REQUEST_ID;
import static dev.belfry.cli.diff.Fixtures.error;
import static dev.belfry.cli.diff.Fixtures.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every Chime error shape, botocore's fallbacks for odd error bodies, and the standard retry mode. */
final class ErrorCases {
    private ErrorCases() {}

    static List<DiffCase> all() {
        List<DiffCase> cases = new ArrayList<>();
        Object[][] shapes = {
            {400, "BadRequestException", "BadRequest", "Service received a bad request"},
            {401, "UnauthorizedClientException", "Unauthorized", "Unauthorized"},
            {403, "ForbiddenException", "Forbidden", "Not an Enterprise account"},
            {403, "AccessDeniedException", "AccessDenied", "Access denied"},
            {404, "NotFoundException", "NotFound", "Room r1 not found"},
            {409, "ConflictException", "Conflict", "Member already in room"},
            {400, "ResourceLimitExceededException", "ResourceLimitExceeded", "Too many rooms"},
            {422, "UnprocessableEntityException", "UnprocessableEntity", "Account has users"},
            {429, "ThrottledClientException", "Throttled", "Slow down"},
        };
        for (Object[] s : shapes) {
            cases.add(DiffCase.of(
                    "error " + s[1],
                    List.of(error((Integer) s[0], (String) s[1], (String) s[2], (String) s[3])),
                    "get-room",
                    "--account-id",
                    "a1",
                    "--room-id",
                    "r1"));
        }
        cases.add(DiffCase.of(
                "error on the seed command",
                List.of(error(404, "NotFoundException", "NotFound", "No room")),
                "batch-create-room-membership",
                "--account-id",
                "a1",
                "--room-id",
                "r1",
                "--membership-item-list",
                "MemberId=m"));
        cases.add(DiffCase.of(
                "ServiceFailure is retried twice",
                List.of(error(500, "ServiceFailureException", "ServiceFailure", "boom")),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "ServiceUnavailable is retried",
                List.of(error(503, "ServiceUnavailableException", "ServiceUnavailable", "later")),
                "delete-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "500 then success",
                List.of(
                        error(500, "ServiceFailureException", "ServiceFailure", "x"),
                        response(
                                200,
                                "{\"Room\":{\"RoomId\":\"r1\"}}",
                                List.of(Map.entry("x-amzn-RequestId", REQUEST_ID)))),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "503 then 201 on the seed command keeps RetryAttempts",
                List.of(
                        error(503, "ServiceUnavailableException", "ServiceUnavailable", "x"),
                        response(
                                201,
                                "{\"Errors\":[]}",
                                List.of(
                                        Map.entry("x-amzn-RequestId", REQUEST_ID),
                                        Map.entry("Content-Type", "application/json")))),
                "batch-create-room-membership",
                "--account-id",
                "a1",
                "--room-id",
                "r1",
                "--membership-item-list",
                "MemberId=m"));
        cases.add(DiffCase.of(
                "500 without a body",
                List.of(response(500, "", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "502 html body",
                List.of(response(502, "<html>bad gateway</html>", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "error code only in the body",
                List.of(response(403, "{\"Code\":\"Forbidden\",\"Message\":\"nope\"}", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "error with __type and lowercase message",
                List.of(response(
                        400, "{\"__type\":\"com.amazon#BadRequestException\",\"message\":\"bad\"}", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "error with a non-JSON body",
                List.of(response(400, "plain text", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "error with an empty body",
                List.of(response(404, "", List.of())),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "ThrottlingException code is retried",
                List.of(response(
                        400, "{\"message\":\"slow\"}", List.of(Map.entry("x-amzn-ErrorType", "ThrottlingException")))),
                "get-room",
                "--account-id",
                "a1",
                "--room-id",
                "r1"));
        cases.add(DiffCase.of(
                "error type header without suffix",
                List.of(response(
                        409, "{\"Message\":\"dup\"}", List.of(Map.entry("X-Amzn-ErrorType", "ConflictException")))),
                "create-room",
                "--account-id",
                "a1",
                "--name",
                "n"));
        cases.add(DiffCase.of(
                        "connection refused",
                        List.of(),
                        "get-room",
                        "--account-id",
                        "a1",
                        "--room-id",
                        "r1",
                        "--endpoint-url",
                        "http://127.0.0.1:9")
                .noEndpoint());
        return cases;
    }
}
