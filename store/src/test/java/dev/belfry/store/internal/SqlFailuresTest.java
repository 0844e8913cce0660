package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.store.StoreException;
import dev.belfry.store.StoreFailure;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqlFailuresTest {
    record Case(String name, Dialect dialect, Throwable failure, StoreFailure expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("PG serialization", Dialect.POSTGRES, new SQLException("x", "40001"), StoreFailure.CONFLICT),
                new Case("PG deadlock", Dialect.POSTGRES, new SQLException("x", "40P01"), StoreFailure.CONFLICT),
                new Case("PG other rollback", Dialect.POSTGRES, new SQLException("x", "40003"), StoreFailure.BUSY),
                new Case("PG connection", Dialect.POSTGRES, new SQLException("x", "08006"), StoreFailure.UNAVAILABLE),
                new Case("PG shutdown", Dialect.POSTGRES, new SQLException("x", "57P01"), StoreFailure.UNAVAILABLE),
                new Case("PG disk full", Dialect.POSTGRES, new SQLException("x", "53100"), StoreFailure.FULL),
                new Case("PG unique", Dialect.POSTGRES, new SQLException("x", "23505"), StoreFailure.FAILED),
                new Case(
                        "PG code 5 is not SQLite",
                        Dialect.POSTGRES,
                        new SQLException("x", null, 5),
                        StoreFailure.FAILED),
                new Case("SQLite busy", Dialect.SQLITE, new SQLException("busy", null, 5), StoreFailure.CONFLICT),
                new Case(
                        "SQLite busy snapshot",
                        Dialect.SQLITE,
                        new SQLException("b", null, 517),
                        StoreFailure.CONFLICT),
                new Case("SQLite locked", Dialect.SQLITE, new SQLException("l", null, 6), StoreFailure.CONFLICT),
                new Case("SQLite full", Dialect.SQLITE, new SQLException("f", null, 13), StoreFailure.FULL),
                new Case("SQLite constraint", Dialect.SQLITE, new SQLException("c", null, 19), StoreFailure.FAILED),
                new Case(
                        "SQLiteException, dialect unknown",
                        null,
                        new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY),
                        StoreFailure.CONFLICT),
                new Case(
                        "pool timeout", null, new SQLTransientConnectionException("timeout"), StoreFailure.UNAVAILABLE),
                new Case("recoverable", null, new SQLRecoverableException("gone"), StoreFailure.UNAVAILABLE),
                new Case(
                        "cause chain",
                        null,
                        new IllegalStateException("wrapped", new SQLException("x", "08001")),
                        StoreFailure.UNAVAILABLE),
                new Case("not SQL", null, new NullPointerException(), StoreFailure.FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(Case c) {
        assertThat(SqlFailures.classify(c.dialect(), c.failure())).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storeExceptionsCarryTheClassification(Case c) {
        if (c.dialect() != Dialect.SQLITE) { // without a dialect, a bare vendor code is not read as SQLite's
            assertThat(new StoreException("m", c.failure()).failure()).isEqualTo(c.expected());
        }
    }
}
