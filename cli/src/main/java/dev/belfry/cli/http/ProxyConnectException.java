package dev.belfry.cli.http;

import java.io.IOException;

/** The proxy could not be reached or refused the tunnel; carries the proxy URL as botocore prints it (masked). */
public final class ProxyConnectException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String proxyUrl;

    ProxyConnectException(String proxyUrl, Throwable cause) {
        super("Failed to connect to proxy URL: \"" + proxyUrl + "\"", cause);
        this.proxyUrl = proxyUrl;
    }

    public String proxyUrl() {
        return proxyUrl;
    }
}
