package dev.belfry.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for the TLS tests, made by openssl as an operator would make them: a CA, and a server certificate for
 * localhost and 127.0.0.1 signed by it, with its key in the PEM form asked for.
 */
public final class TestCertificates {
    /** The PEM forms of a private key that renewers and openssl write. */
    public enum KeyForm {
        /** {@code BEGIN PRIVATE KEY}, RSA */
        PKCS8_RSA,
        /** {@code BEGIN RSA PRIVATE KEY} */
        PKCS1_RSA,
        /** {@code BEGIN EC PRIVATE KEY} (SEC1), P-256 */
        SEC1_EC,
        /** {@code BEGIN PRIVATE KEY}, EC P-256 */
        PKCS8_EC
    }

    /**
     * @param ca the CA certificate, what clients trust
     * @param chain the server certificate then the CA's (what a server sends)
     * @param key the server's private key
     */
    public record Issued(Path ca, Path chain, Path key, Path leaf) {}

    private final Path dir;
    private final Path caKey;
    private final Path caCert;
    private int serial;

    private TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        this.caKey = dir.resolve("ca.key");
        this.caCert = dir.resolve("ca.pem");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                caCert.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=Belfry test CA");
    }

    /** A new CA in a new temporary directory. */
    public static TestCertificates newCa() throws Exception {
        RequiredTools.openssl();
        return new TestCertificates(Files.createTempDirectory("belfry-tls"));
    }

    /** A server certificate for localhost / 127.0.0.1 with {@code commonName}, its key in {@code form}. */
    public Issued issue(String commonName, KeyForm form) throws Exception {
        int n = ++serial;
        Path key = dir.resolve("server-" + n + ".key");
        Path csr = dir.resolve("server-" + n + ".csr");
        Path leaf = dir.resolve("server-" + n + ".pem");
        Path ext = dir.resolve("server-" + n + ".ext");
        switch (form) {
            case PKCS8_RSA ->
                openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
            case PKCS1_RSA -> {
                openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key + ".p8");
                openssl("rsa", "-in", key + ".p8", "-traditional", "-out", key.toString());
            }
            case SEC1_EC -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", key.toString());
            case PKCS8_EC ->
                openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
            default -> throw new IllegalArgumentException(form.toString());
        }
        openssl("req", "-new", "-key", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + commonName);
        Files.writeString(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl(
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                caCert.toString(),
                "-CAkey",
                caKey.toString(),
                "-set_serial",
                String.valueOf(1000 + n),
                "-days",
                "2",
                "-extfile",
                ext.toString(),
                "-out",
                leaf.toString());
        Path chain = dir.resolve("server-" + n + "-chain.pem");
        Files.writeString(chain, Files.readString(leaf) + Files.readString(caCert));
        return new Issued(caCert, chain, key, leaf);
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
