package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;

/**
 * An Enterprise account's chat retention (D58): days for rooms and for conversations, null = that retention is
 * off; {@code setAt} is when PutRetentionSettings last stored them.
 */
public record RetentionSettings(Integer roomDays, Integer conversationDays, Instant setAt) {
    /** The grace period after each set or update before messages are deleted (Administration Guide). */
    public static final Duration GRACE = Duration.ofDays(30);

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 5_475;

    /** When deletion starts: the set time plus the grace period; null while no retention is on. */
    public Instant initiateDeletionAt() {
        return roomDays == null && conversationDays == null ? null : setAt.plus(GRACE);
    }
}
