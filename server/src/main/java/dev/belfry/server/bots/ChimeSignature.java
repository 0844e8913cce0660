package dev.belfry.server.bots;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Chime-Signature header (Administration Guide, "auth-bots", and its Java sample): standard Base64, with padding,
 * of HMAC-SHA256 over {@code Chime-Request-Timestamp + "|" + body}, keyed by the bot's SecurityToken as UTF-8 bytes
 * (not base64-decoded), with no prefix or version tag.
 */
public final class ChimeSignature {
    private ChimeSignature() {}

    public static String sign(String securityToken, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(securityToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "|").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
