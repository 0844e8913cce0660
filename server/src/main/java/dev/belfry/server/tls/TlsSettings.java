package dev.belfry.server.tls;

import java.nio.file.Path;

/**
 * HTTPS for {@code belfry serve --tls-cert FILE --tls-key FILE [--tls-port N]}.
 *
 * @param certificate PEM file: the server's certificate, then any intermediates (the chain clients are sent)
 * @param key PEM file: its private key, PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or
 *     SEC1 ({@code BEGIN EC PRIVATE KEY}), unencrypted
 * @param port HTTPS port (0 picks a free one)
 */
public record TlsSettings(Path certificate, Path key, int port) {
    public static final int DEFAULT_PORT = 8443;
}
