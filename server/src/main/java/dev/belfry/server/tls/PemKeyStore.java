package dev.belfry.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate chain and its key, read from PEM files into an in-memory key store for Jetty. */
final class PemKeyStore {
    /** Protects the key inside this process's memory only; nothing is written with it. */
    static final String PASSWORD = "belfry-in-memory";

    private PemKeyStore() {}

    static KeyStore load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = PemKeys.read(read(keyFile), keyFile.toString());
        requireMatch(key, chain.get(0), certificateFile, keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("belfry", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the key in " + keyFile + ": " + e.getMessage());
        }
    }

    /** The first certificate of the file is the server's; the rest, in order, its chain. */
    static List<X509Certificate> certificates(Path file) {
        String pem = read(file);
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) { // e.g. the key and certificate options swapped
            throw new IllegalArgumentException(file + " holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(c -> (X509Certificate) c)
                    .toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no certificate (-----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate chain: " + e.getMessage());
        }
    }

    /** A key that is not the certificate's would fail every handshake later; say so at start (or reload). */
    private static void requireMatch(PrivateKey key, X509Certificate certificate, Path certFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA", "RSASSA-PSS" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] probe = "belfry".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certificate.getPublicKey());
            verify.update(probe);
            if (verify.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another kind than the certificate's: the same answer
        }
        throw new IllegalArgumentException(
                "the key in " + keyFile + " does not belong to the certificate in " + certFile);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + ": " + e.getCause().getMessage());
        }
    }
}
