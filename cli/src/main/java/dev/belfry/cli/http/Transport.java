package dev.belfry.cli.http;

/** How requests reach the endpoint: through which proxy, if any, and how TLS is checked. */
public record Transport(Proxies proxies, TlsPolicy tls) {
    public static Transport direct() {
        return new Transport(Proxies.none(), TlsPolicy.standard());
    }
}
