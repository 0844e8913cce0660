package dev.belfry.it.support;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.ServerSettings;
import dev.belfry.store.StoreConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * A Belfry server in this JVM on a free port, with the development credential test/test (tenant
 * 000000000000) unless a credentials file is given, and the real AWS SDK for Java v2 client for it.
 */
public final class RunningServer implements AutoCloseable {
    private final BelfryServer server;

    private RunningServer(BelfryServer server) {
        this.server = server;
    }

    public static RunningServer start(StoreConfig store) throws Exception {
        return start(ServerSettings.defaults(store).withPort(0));
    }

    /** An Enterprise-by-default server, so stock clients alone can run the whole room flow (D2). */
    public static RunningServer enterprise(StoreConfig store) throws Exception {
        return start(ServerSettings.defaults(store).withPort(0).withCreateAccountType(AccountType.EnterpriseLWA));
    }

    public static RunningServer start(ServerSettings settings) throws Exception {
        return new RunningServer(
                BelfryServer.start(settings, Map.of(), new PrintStream(OutputStream.nullOutputStream()), false));
    }

    public BelfryServer server() {
        return server;
    }

    public String url() {
        return server.url();
    }

    public ChimeClient client() {
        return client("test", "test");
    }

    public ChimeClient client(String accessKeyId, String secret) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(url()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .build();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
