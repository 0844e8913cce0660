package dev.belfry.server.console;

import dev.belfry.rooms.RoomsDomain;
import dev.belfry.server.auth.Credentials;
import dev.belfry.server.http.ErrorTranslator;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/** Builds the console over a server's domain and credentials, and stops its live feed with the server. */
public final class Console implements AutoCloseable {
    private final MessageFeed feed;
    private final ConsoleHandler handler;

    /**
     * @param next the handler for everything outside the console (the webhooks' and the API's)
     * @param publicUrl what webhook URLs start with (D71)
     * @param trustProxy believe X-Forwarded-For and X-Forwarded-Proto (D34), for throttling and the Secure flag
     */
    public Console(
            Handler next,
            RoomsDomain domain,
            Credentials credentials,
            Clock clock,
            Supplier<String> publicUrl,
            ErrorTranslator errors,
            Executor workers,
            boolean trustProxy,
            PrintStream log) {
        this.feed = new MessageFeed(domain.messages(), clock, log);
        ConsoleRoutes routes = new ConsoleRoutes();
        AccountEndpoints.register(routes, domain);
        RoomEndpoints.register(routes, domain, publicUrl);
        BotEndpoints.register(routes, domain);
        ConsoleApi api = new ConsoleApi(
                routes,
                new ConsoleSessions(credentials, clock),
                new SignInThrottle(clock),
                errors,
                workers,
                feed,
                domain.messages(),
                clock,
                trustProxy,
                log);
        this.handler = new ConsoleHandler(next, new ConsoleAssets(), api);
    }

    public Handler handler() {
        return handler;
    }

    @Override
    public void close() {
        feed.close();
    }
}
