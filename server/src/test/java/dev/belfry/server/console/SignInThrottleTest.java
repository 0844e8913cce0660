package dev.belfry.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** D117: failures per key and per source within the window, and when an attempt is allowed again. */
class SignInThrottleTest {
    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockTheKeyUntilTheOldestAgesOut() {
        Moving clock = new Moving();
        SignInThrottle t = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.PER_KEY; i++) {
            assertThat(t.wait("10.0.0.1", "k")).isZero();
            t.failed("10.0.0.1", "k");
            clock.now = clock.now.plusSeconds(60);
        }
        // the first failure was at 0, it is now 5 min: locked for the 10 min left of its window
        assertThat(t.wait("10.0.0.2", "k")).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.wait("10.0.0.1", "other")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(t.wait("10.0.0.1", "k")).isZero();
    }

    @Test
    void aSourceIsLockedAfterTwentyFailuresOverAnyKeysAndASuccessClearsOnlyItsKey() {
        Moving clock = new Moving();
        SignInThrottle t = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.PER_SOURCE; i++) {
            t.failed("10.0.0.1", "k" + i);
        }
        assertThat(t.wait("10.0.0.1", "fresh")).isEqualTo(SignInThrottle.WINDOW);
        assertThat(t.wait("10.0.0.9", "fresh")).isZero();
        t.failed("10.0.0.9", "x");
        t.succeeded("x");
        assertThat(t.wait("10.0.0.9", "x")).isZero();
        assertThat(t.wait("10.0.0.1", "x")).isEqualTo(SignInThrottle.WINDOW);
    }
}
