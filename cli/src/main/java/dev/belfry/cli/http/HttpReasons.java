package dev.belfry.cli.http;

/** Python's {@code http.client.responses}: the message botocore shows for a body-less 5xx. */
final class HttpReasons {
    private HttpReasons() {}

    static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            case 506 -> "Variant Also Negotiates";
            case 507 -> "Insufficient Storage";
            case 508 -> "Loop Detected";
            case 510 -> "Not Extended";
            case 511 -> "Network Authentication Required";
            default -> "";
        };
    }
}
