package dev.belfry.rooms;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rules a message's content must meet, whoever posts it (D74). Content is stored exactly as sent: markdown
 * prefixes ({@code /md }, {@code /md\n}, {@code /code }), emoji codes and mentions are the chat client's to render.
 */
public final class MessageContent {
    /** "Messages must be 4 KB or less" (Administration Guide): counted as 4,096 bytes of UTF-8 (D74). */
    public static final int MAX_BYTES = 4_096;

    /** @All and @Present alert a whole room, refused in rooms of more than this many members (Administration Guide). */
    public static final int MAX_MEMBERS_FOR_ROOM_MENTIONS = 50;

    /** @All or @Present as a word of its own, spelled as the chat client writes them. */
    private static final Pattern ROOM_MENTION =
            Pattern.compile("(?<![\\p{L}\\p{N}_@.])@(All|Present)(?![\\p{L}\\p{N}_])");

    private MessageContent() {}

    /** Why the content cannot be posted, or null when it can. */
    static WebhookPost.Refused problem(String content, long roomMembers) {
        if (content == null || content.isBlank()) {
            return new WebhookPost.Refused(
                    WebhookPost.Reason.BAD_CONTENT,
                    "The request body must be a JSON object whose Content is a non-empty string.");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return new WebhookPost.Refused(
                    WebhookPost.Reason.TOO_LARGE,
                    "Content is " + bytes + " bytes of UTF-8; a message must be 4,096 bytes or less.");
        }
        if (roomMembers > MAX_MEMBERS_FOR_ROOM_MENTIONS
                && ROOM_MENTION.matcher(content).find()) {
            return new WebhookPost.Refused(
                    WebhookPost.Reason.ROOM_MENTION_TOO_BIG,
                    "@All and @Present cannot be used in a chat room of more than " + MAX_MEMBERS_FOR_ROOM_MENTIONS
                            + " members; this room has " + roomMembers + ".");
        }
        return null;
    }
}
