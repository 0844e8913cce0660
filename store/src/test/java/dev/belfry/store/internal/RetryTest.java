package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.store.StoreException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which errors re-run a unit of work, and how often. */
final class RetryTest {
    @Test
    void postgresSerializationFailuresAndDeadlocksAreRetried() {
        assertThat(Dialect.POSTGRES.retryable(wrapped(new SQLException("x", "40001"))))
                .isTrue();
        assertThat(Dialect.POSTGRES.retryable(wrapped(new SQLException("x", "40P01"))))
                .isTrue();
        assertThat(Dialect.POSTGRES.retryable(wrapped(new SQLException("x", "23505"))))
                .isFalse();
    }

    @Test
    void sqliteBusyAndLockedAreRetriedIncludingExtendedCodes() {
        assertThat(Dialect.SQLITE.retryable(wrapped(new SQLException("busy", null, 5))))
                .isTrue();
        assertThat(Dialect.SQLITE.retryable(wrapped(new SQLException("busy snapshot", null, 517))))
                .isTrue();
        assertThat(Dialect.SQLITE.retryable(wrapped(new SQLException("locked", null, 6))))
                .isTrue();
        assertThat(Dialect.SQLITE.retryable(wrapped(new SQLException("constraint", null, 19))))
                .isFalse();
    }

    @Test
    void retriesUntilSuccessThenGivesUp() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retry.run(Dialect.POSTGRES, () -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(new SQLException("x", "40001"));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> Retry.run(Dialect.POSTGRES, () -> {
                    calls.incrementAndGet();
                    throw wrapped(new SQLException("x", "40P01"));
                }))
                .isInstanceOf(StoreException.class);
        assertThat(calls).hasValue(Retry.ATTEMPTS);

        calls.set(0);
        assertThatThrownBy(() -> Retry.run(Dialect.POSTGRES, () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("domain failure");
                }))
                .hasMessage("domain failure");
        assertThat(calls).hasValue(1);
    }

    private static StoreException wrapped(SQLException e) {
        return Sql.failure(e);
    }
}
