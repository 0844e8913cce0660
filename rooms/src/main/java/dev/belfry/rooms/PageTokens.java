package dev.belfry.rooms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident NextTokens (D16). A token carries a keyset {@link Cursor} and is bound by an
 * HMAC to the listing it came from (its scope, e.g. "rooms:acc-1:member-7"), so it cannot be edited or
 * replayed against another listing. The key lives in the database, so any server accepts any server's
 * tokens.
 */
public final class PageTokens {
    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;

    public PageTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String encode(String scope, Cursor cursor) {
        String payload = cursor.sortKey() + ":" + cursor.id();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(mac(scope, payload));
    }

    /** The cursor of a token, or null for a null/empty token; a token that does not verify is a BadRequest. */
    public Cursor decode(String scope, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            int dot = token.indexOf('.');
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(scope, payload))) {
                throw invalid();
            }
            int colon = payload.indexOf(':');
            return new Cursor(Long.parseLong(payload.substring(0, colon)), payload.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.badRequest("The NextToken is invalid or does not belong to this listing.");
    }

    private byte[] mac(String scope, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
