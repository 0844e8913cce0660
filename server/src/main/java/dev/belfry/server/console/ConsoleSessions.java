package dev.belfry.server.console;

import dev.belfry.server.auth.Credential;
import dev.belfry.server.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console sessions as HMAC-signed cookies (D115): {@code v1.<key id>.<issued>.<nonce>.<mac>}, where the MAC key is
 * derived from the signed-in credential's own secret. Every server that accepts the credential (and several servers
 * on one PostgreSQL must share their credentials for SigV4 anyway) accepts its sessions, with no table and no
 * setting; only someone who knows the secret, and could therefore sign in, can make one; rotating or removing the
 * credential ends its sessions at once. The CSRF token (D116) is a second MAC over the same nonce.
 */
public final class ConsoleSessions {
    /** A session's lifetime from sign-in; the cookie's Max-Age says the same. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    public static final String COOKIE = "belfry_console";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Credentials credentials;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSessions(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A signed-in session: whose credential, when it ends, and its CSRF token. */
    public record Session(Credential credential, Instant expires, String csrf) {}

    /** The secret compared in constant time, then a new session's cookie value; null when the pair is wrong. */
    public String signIn(String accessKeyId, String secret) {
        Credential c = credentials.find(accessKeyId);
        // compare against something even for an unknown key, so the answer's timing says nothing about which exist
        String expected = c == null ? "\u0000unknown" : c.secretAccessKey();
        boolean match = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        if (c == null || !match) {
            return null;
        }
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String body = "v1." + B64.encodeToString(accessKeyId.getBytes(StandardCharsets.UTF_8)) + "."
                + clock.instant().getEpochSecond() + "." + B64.encodeToString(nonce);
        return body + "." + mac(c, "session." + body);
    }

    /** The session a cookie value stands for, or null when it is malformed, forged, expired or its key is gone. */
    public Session verify(String cookie) {
        if (cookie == null) {
            return null;
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals("v1")) {
            return null;
        }
        try {
            Credential c = credentials.find(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
            if (c == null) {
                return null;
            }
            String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            if (!MessageDigest.isEqual(
                    mac(c, "session." + body).getBytes(StandardCharsets.US_ASCII),
                    parts[4].getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            Instant expires = issued.plus(LIFETIME);
            Instant now = clock.instant();
            if (!now.isBefore(expires) || issued.isAfter(now.plusSeconds(300))) {
                return null;
            }
            return new Session(c, expires, mac(c, "csrf." + parts[3]));
        } catch (IllegalArgumentException e) {
            return null; // bad base64 or number: not a cookie this server made
        }
    }

    /** Whether a change's token is its session's (constant time). */
    public static boolean csrfMatches(Session session, String token) {
        return token != null
                && MessageDigest.isEqual(
                        session.csrf().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(Credential c, String data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(c), "HmacSHA256"));
            return B64.encodeToString(hmac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The credential's console key: its secret never signs anything directly, only through this derivation. */
    private static byte[] key(Credential c) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        // prefixed, so an empty secret still makes a valid HMAC key
        hmac.init(new SecretKeySpec(("belfry:" + c.secretAccessKey()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return hmac.doFinal(("belfry-console-v1:" + c.accessKeyId()).getBytes(StandardCharsets.UTF_8));
    }
}
