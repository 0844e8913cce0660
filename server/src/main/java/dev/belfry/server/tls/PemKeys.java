package dev.belfry.server.tls;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private keys from PEM, with the JDK alone. The JDK reads PKCS#8; the two older forms that openssl, certbot and
 * most renewers still write (PKCS#1 for RSA, SEC1 for EC) are the same key inside a different envelope, so they are
 * rewrapped into PKCS#8 here: a few DER headers, not a parser worth a 9 MB dependency (BouncyCastle) on every start.
 */
final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    /** id-ecPublicKey, 1.2.840.10045.2.1 (the curve follows it). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemKeys() {}

    /** The one private key in {@code pem}; {@code file} names it in errors. */
    static PrivateKey read(String pem, String file) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(base64(body, file), file);
                case "RSA PRIVATE KEY":
                    refuseEncrypted(body, file);
                    return pkcs8(wrap(RSA_ALGORITHM, base64(body, file)), file);
                case "EC PRIVATE KEY":
                    refuseEncrypted(body, file);
                    byte[] sec1 = base64(body, file);
                    return pkcs8(wrap(sequence(EC_PUBLIC_KEY, curveOf(sec1, file)), sec1), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw encrypted(file);
                default: // EC PARAMETERS (openssl ecparam -genkey writes it first), certificates: not the key
            }
        }
        throw new IllegalArgumentException(file
                + " holds no private key (expected -----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der, String file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception notThisOne) {
                // next algorithm
            }
        }
        throw new IllegalArgumentException(file + " holds a private key Java cannot read (not RSA, EC or EdDSA?)");
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        return sequence(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key));
    }

    /** The named curve of a SEC1 ECPrivateKey: the OID in its [0] parameters. */
    private static byte[] curveOf(byte[] sec1, String file) {
        int[] seq = header(sec1, 0);
        int i = seq[0];
        while (i < sec1.length) {
            int[] h = header(sec1, i);
            if ((sec1[i] & 0xff) == 0xa0) {
                int oid = h[0];
                int[] inner = header(sec1, oid);
                return java.util.Arrays.copyOfRange(sec1, oid, inner[0] + inner[1]);
            }
            i = h[0] + h[1];
        }
        throw new IllegalArgumentException(file
                + ": the EC key does not name its curve; write it with `openssl ec -in KEY -out KEY` or as PKCS#8");
    }

    /** {content offset, content length} of the DER element at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int len = der[at + 1] & 0xff;
        int offset = at + 2;
        if (len > 0x80) {
            int bytes = len & 0x7f;
            len = 0;
            for (int k = 0; k < bytes; k++) {
                len = (len << 8) | (der[offset + k] & 0xff);
            }
            offset += bytes;
        }
        return new int[] {offset, len};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int k = bytes - 1; k >= 0; k--) {
                out.write(n >>> (8 * k));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] base64(String body, String file) {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not valid PEM: " + e.getMessage());
        }
    }

    /** Legacy encrypted PEM carries headers ("Proc-Type: 4,ENCRYPTED") inside the block. */
    private static void refuseEncrypted(String body, String file) {
        if (body.contains("ENCRYPTED") || body.contains("DEK-Info")) {
            throw encrypted(file);
        }
    }

    private static IllegalArgumentException encrypted(String file) {
        return new IllegalArgumentException(file + " is encrypted; Belfry reads unencrypted keys only (protect the file"
                + " with its permissions; `openssl pkey -in KEY -out PLAIN` decrypts it)");
    }
}
