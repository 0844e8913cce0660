package dev.belfry.cli.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recorded-style Chime responses for the stub: success bodies per operation and every error shape. */
final class Fixtures {
    static final String REQUEST_ID = "169ba401-d886-475f-8b3f-e01eac6fadfb";
    static final String ACCOUNT =
            "{\"AccountId\":\"12a3456b-7c89-012d-3456-78901e23fg45\",\"AwsAccountId\":\"000000000000\","
                    + "\"Name\":\"Belfry\",\"AccountType\":\"EnterpriseDirectory\",\"CreatedTimestamp\":\"2019-12-02T22:46:58.123Z\","
                    + "\"DefaultLicense\":\"Pro\",\"SupportedLicenses\":[\"Basic\",\"Pro\"],\"AccountStatus\":\"Active\"}";
    static final String USER = "{\"UserId\":\"u1\",\"AccountId\":\"a1\",\"PrimaryEmail\":\"ann@example.com\","
            + "\"DisplayName\":\"Ann \u00e9\",\"LicenseType\":\"Pro\",\"UserType\":\"PrivateUser\",\"UserRegistrationStatus\":\"Registered\","
            + "\"RegisteredOn\":\"2020-01-02T03:04:05Z\",\"InvitedOn\":\"2020-01-01T00:00:00.5Z\"}";
    static final String BOT = "{\"BotId\":\"b1\",\"UserId\":\"u9\",\"DisplayName\":\"Helper\",\"BotType\":\"ChatBot\","
            + "\"Disabled\":false,\"CreatedTimestamp\":\"2020-05-05T05:05:05.000Z\",\"BotEmail\":\"helper@example.com\","
            + "\"SecurityToken\":\"tok\"}";
    static final String ROOM =
            "{\"RoomId\":\"r1\",\"Name\":\"Ops, \\\"quoted\\\"\",\"AccountId\":\"a1\",\"CreatedBy\":\"u1\","
                    + "\"CreatedTimestamp\":\"2019-12-02T22:46:58.123Z\",\"UpdatedTimestamp\":\"2019-12-03T00:00:00+02:00\"}";
    static final String MEMBERSHIP = "{\"RoomId\":\"r1\",\"Member\":{\"MemberId\":\"m1\",\"MemberType\":\"User\","
            + "\"Email\":\"m1@example.com\",\"FullName\":\"Member One\",\"AccountId\":\"a1\"},\"Role\":\"Member\","
            + "\"InvitedBy\":\"u1\",\"UpdatedTimestamp\":\"2021-03-04T05:06:07.890Z\"}";

    private Fixtures() {}

    static List<StubServer.Response> ok(int status, String body) {
        return List.of(response(
                status,
                body,
                List.of(Map.entry("x-amzn-RequestId", REQUEST_ID), Map.entry("Content-Type", "application/json"))));
    }

    static List<StubServer.Response> noContent() {
        return List.of(
                new StubServer.Response(204, "No Content", List.of(Map.entry("x-amzn-RequestId", REQUEST_ID)), ""));
    }

    static StubServer.Response response(int status, String body, List<Map.Entry<String, String>> headers) {
        return new StubServer.Response(status, reason(status), headers, body);
    }

    /** A Chime error as the real service sends it: exception name in x-amzn-ErrorType, short code in the body. */
    static StubServer.Response error(int status, String type, String code, String message) {
        return response(
                status,
                "{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}",
                List.of(
                        Map.entry("x-amzn-RequestId", REQUEST_ID),
                        Map.entry("x-amzn-ErrorType", type + ":http://internal.amazon.com/"),
                        Map.entry("Content-Type", "application/json")));
    }

    static List<StubServer.Response> errors(StubServer.Response... responses) {
        return new ArrayList<>(List.of(responses));
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
