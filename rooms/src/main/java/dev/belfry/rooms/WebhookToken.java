package dev.belfry.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a webhook URL (D71): 54 random bytes as 72 characters of unpadded base64url, so it has the length of
 * Chime's tokens and only the characters {@code [A-Za-z0-9_-]}, which Airflow's URL check requires. Only its SHA-256
 * is stored; a presented token is compared by hash, in constant time.
 */
public final class WebhookToken {
    static final int BYTES = 54;
    public static final int LENGTH = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookToken() {}

    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    /** Whether {@code presented} is the token whose hash is stored; the time taken does not depend on where they differ. */
    static boolean matches(String presented, String storedSha256) {
        if (presented == null || storedSha256 == null) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedSha256);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(presented), stored);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
