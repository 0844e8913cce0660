package dev.belfry.rooms;

/**
 * What became of a post to an incoming webhook: the message it made, or why none was made. A refusal is an
 * answer, not a failure, so it is a value; the server turns each reason into its HTTP status (D73, D74).
 */
public sealed interface WebhookPost {
    record Accepted(Message message) implements WebhookPost {}

    record Refused(Reason reason, String message) implements WebhookPost {}

    enum Reason {
        /** The URL has no webhook id of the right form, or no token. */
        MALFORMED_URL,
        /** No such webhook: never made, deleted, or its room or account deleted. */
        UNKNOWN_WEBHOOK,
        /** The token is not this webhook's (any more: a regenerated URL's old token). */
        WRONG_TOKEN,
        /** The webhook's account is suspended. */
        ACCOUNT_SUSPENDED,
        /** The body is not a JSON object, or its Content is missing, not a string or empty. */
        BAD_CONTENT,
        /** Content over {@link MessageContent#MAX_BYTES}. */
        TOO_LARGE,
        /** @All or @Present in a room of more than 50 members. */
        ROOM_MENTION_TOO_BIG,
        /** Sooner after the webhook's previous post than its pace allows. */
        THROTTLED
    }
}
