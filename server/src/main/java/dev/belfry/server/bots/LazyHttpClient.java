package dev.belfry.server.bots;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The JDK HttpClient bot events are sent with, made at its first use rather than at start-up: building the first
 * client initialises TLS (the default SSLContext, ~400 classes) on the start-up path, and most servers' first answers
 * need no bot at all (issue 19, BENCHMARKS.md "Start-up"). No redirects (a bot's endpoint is where it was verified),
 * HTTP/1.1 (what Chime's bots were written against).
 */
final class LazyHttpClient implements Supplier<HttpClient> {
    private final Duration connectTimeout;
    private volatile HttpClient client;

    LazyHttpClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }
}
