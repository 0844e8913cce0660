package dev.belfry.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.server.auth.Credential;
import dev.belfry.server.auth.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D115/D116: what a session cookie proves, for how long, and which CSRF token goes with it. */
class ConsoleSessionsTest {
    static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    static final Credentials CREDENTIALS = Credentials.of(
            List.of(Credential.of("k1", "secret-1", "111111111111"), Credential.of("k2", "", "222222222222")));

    static ConsoleSessions at(Instant now, Credentials credentials) {
        return new ConsoleSessions(credentials, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aCookieLastsItsLifetimeAndNamesItsCredential() {
        String cookie = at(T0, CREDENTIALS).signIn("k1", "secret-1");
        assertThat(cookie).doesNotContain("secret-1");
        ConsoleSessions.Session s =
                at(T0.plus(Duration.ofHours(7)), CREDENTIALS).verify(cookie);
        assertThat(s.credential().tenantId()).isEqualTo("111111111111");
        assertThat(s.expires()).isEqualTo(T0.plus(ConsoleSessions.LIFETIME));
        assertThat(at(T0.plus(ConsoleSessions.LIFETIME), CREDENTIALS).verify(cookie))
                .isNull();
        // another server with the same credentials accepts it: nothing lives in one process
        assertThat(at(T0, Credentials.of(CREDENTIALS.all())).verify(cookie)).isNotNull();
    }

    @Test
    void wrongSecretsForgeriesAndRotatedCredentialsGetNoSession() {
        ConsoleSessions sessions = at(T0, CREDENTIALS);
        assertThat(sessions.signIn("k1", "secret-2")).isNull();
        assertThat(sessions.signIn("nobody", "secret-1")).isNull();
        String cookie = sessions.signIn("k1", "secret-1");
        String[] parts = cookie.split("\\.");
        // another key id, or a later issue time, under the same MAC
        String swapped = String.join(".", parts[0], "azI", parts[2], parts[3], parts[4]);
        String later = String.join(
                ".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 3600), parts[3], parts[4]);
        assertThat(sessions.verify(swapped)).isNull();
        assertThat(sessions.verify(later)).isNull();
        assertThat(sessions.verify("garbage")).isNull();
        assertThat(sessions.verify("v1.%%%.1.2.3")).isNull();
        Credentials rotated = Credentials.of(List.of(Credential.of("k1", "secret-new", "111111111111")));
        assertThat(at(T0, rotated).verify(cookie)).isNull();
        // an empty secret still makes sessions (its key is derived, never the raw secret)
        assertThat(sessions.verify(sessions.signIn("k2", ""))).isNotNull();
    }

    @Test
    void eachSessionHasItsOwnCsrfToken() {
        ConsoleSessions sessions = at(T0, CREDENTIALS);
        ConsoleSessions.Session one = sessions.verify(sessions.signIn("k1", "secret-1"));
        ConsoleSessions.Session two = sessions.verify(sessions.signIn("k1", "secret-1"));
        assertThat(ConsoleSessions.csrfMatches(one, one.csrf())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(one, two.csrf())).isFalse();
        assertThat(ConsoleSessions.csrfMatches(one, null)).isFalse();
        assertThat(ConsoleSessions.csrfMatches(one, "")).isFalse();
    }
}
