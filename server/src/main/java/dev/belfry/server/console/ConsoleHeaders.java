package dev.belfry.server.console;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The headers on every console answer (D119): a Content-Security-Policy that allows only the console's own scripts,
 * styles and connections (no inline code, no framing, no forms elsewhere), no MIME sniffing, no referrer, and no
 * caching of API answers.
 */
final class ConsoleHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private ConsoleHeaders() {}

    static void apply(HttpFields.Mutable headers, String cacheControl) {
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put(HttpHeader.CACHE_CONTROL, cacheControl);
    }
}
