package dev.belfry.cli.diff;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.ServerSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * The Belfry server for the server-backed differential test: BELFRY_SERVER_URL when set, otherwise a
 * real server started in this JVM (Enterprise accounts by default, fresh SQLite data, a free port), so
 * the test runs in a plain `mvn verify` before the app jar exists.
 */
final class InJvmServer implements AutoCloseable {
    private final String url;
    private final BelfryServer server;

    private InJvmServer(String url, BelfryServer server) {
        this.url = url;
        this.server = server;
    }

    static InJvmServer start() throws Exception {
        return start(null);
    }

    /** @param lambdaEndpoint where LambdaFunctionArn bots are invoked (D111), or null for AWS */
    static InJvmServer start(java.net.URI lambdaEndpoint) throws Exception {
        String given = System.getenv("BELFRY_SERVER_URL");
        if (given != null && !given.isBlank()) {
            return new InJvmServer(given, null);
        }
        BelfryServer server = BelfryServer.start(
                ServerSettings.defaults(Files.createTempDirectory("belfry-server-data"))
                        .withPort(0)
                        .withCreateAccountType(AccountType.EnterpriseLWA)
                        .withMessaging(dev.belfry.server.MessagingSettings.defaults()
                                .withBotEvents(dev.belfry.server.bots.BotEventSettings.defaults()
                                        .withLambda(
                                                lambdaEndpoint,
                                                () -> new dev.belfry.server.bots.AwsKeys("AKIDTEST", "secret", null)))),
                Map.of(),
                new PrintStream(OutputStream.nullOutputStream()),
                false);
        return new InJvmServer(server.url(), server);
    }

    String url() {
        return url;
    }

    /**
     * Ids the scenario can name before any step: {team}, a Team account of the development tenant for
     * InviteUsers (D54), which CreateAccount on this Enterprise-by-default server cannot make. Against a server
     * given by BELFRY_SERVER_URL there is none, and both CLIs get the same NotFound.
     */
    Map<String, String> seededIds() {
        if (server == null) {
            return Map.of();
        }
        if (team == null) {
            team = server.domain()
                    .accounts()
                    .create("000000000000", "team-for-invites", AccountType.Team)
                    .accountId();
        }
        return Map.of("team", team);
    }

    private String team;

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
