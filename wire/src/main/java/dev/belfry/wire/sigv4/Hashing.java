package dev.belfry.wire.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** SHA-256 from the JDK and HMAC-SHA256 built on it, with lower-case hex as SigV4 writes it. */
final class Hashing {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hashing() {}

    static String sha256Hex(byte[] data) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * HMAC-SHA256 (RFC 2104) over {@link MessageDigest} rather than {@code javax.crypto.Mac}: the first
     * {@code Mac.getInstance} initialises the JCE provider machinery, about 30 ms of every CLI start on
     * these machines, while SHA-256 is already loaded for the payload hash. Checked against the AWS
     * test suite and a botocore-signed request, and against {@code Mac} in HashingTest.
     */
    static byte[] hmacSha256(byte[] key, String data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64];
            System.arraycopy(
                    key.length > 64 ? sha.digest(key) : key,
                    0,
                    block,
                    0,
                    Math.min(64, key.length > 64 ? 32 : key.length));
            byte[] pad = new byte[64];
            for (int i = 0; i < 64; i++) {
                pad[i] = (byte) (block[i] ^ 0x36);
            }
            sha.update(pad);
            byte[] inner = sha.digest(data.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) {
                pad[i] = (byte) (block[i] ^ 0x5c);
            }
            sha.update(pad);
            return sha.digest(inner);
        } catch (GeneralSecurityException e) {
            // Never include the key or data: the key may be a secret.
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
