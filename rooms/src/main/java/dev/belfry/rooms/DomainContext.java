package dev.belfry.rooms;

import java.time.Clock;
import java.time.Instant;

/**
 * What every service needs: the store, a clock (fixed in tests), page tokens, limits, and the account
 * type CreateAccount makes (D2: Team unless the operator chose otherwise).
 */
public record DomainContext(
        RoomStore store, Clock clock, PageTokens tokens, Limits limits, Enums.AccountType createAccountType) {

    /** Timestamps are kept to the millisecond, as Chime writes them (D25). */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
