package dev.belfry.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PageTokensTest {
    private final PageTokens tokens = new PageTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsACursorWithinItsListing() {
        Cursor cursor = new Cursor(1_700_000_000_123L, "a:b:c-id");
        assertThat(tokens.decode("rooms:acc", tokens.encode("rooms:acc", cursor)))
                .isEqualTo(cursor);
        assertThat(tokens.decode("rooms:acc", null)).isNull();
        assertThat(tokens.decode("rooms:acc", "")).isNull();
    }

    @Test
    void aTokenOfAnotherListingOrAnotherKeyIsRefused() {
        String token = tokens.encode("memberships:room-1", new Cursor(5, "x"));
        assertBad(() -> tokens.decode("memberships:room-2", token));
        PageTokens otherServerKey = new PageTokens("z".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertBad(() -> otherServerKey.decode("memberships:room-1", token));
    }

    static Stream<String> tampered() {
        String good = new PageTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8)).encode("s", new Cursor(5, "x"));
        String forgedPayload =
                Base64.getUrlEncoder().withoutPadding().encodeToString("6:x".getBytes(StandardCharsets.UTF_8))
                        + good.substring(good.indexOf('.'));
        return Stream.of(
                forgedPayload, good + "A", good.replace('.', '-'), "garbage", ".", "....", "%%%", good.substring(1));
    }

    @ParameterizedTest
    @MethodSource("tampered")
    void tamperedTokensAreABadRequest(String token) {
        assertBad(() -> tokens.decode("s", token));
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_REQUEST));
    }
}
