package dev.belfry.server.tls;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector: Jetty's SslContextFactory over the PEM files, reloaded when either file changes. New
 * connections get the new certificate; open ones keep theirs.
 */
public final class TlsConnector {
    /** How often the files are looked at: a renewal is picked up within about this long. */
    static final long POLL_MS = 1_000;

    private TlsConnector() {}

    /** Reads the files now (an error is one line for the operator) and adds the connector to {@code jetty}. */
    public static ServerConnector add(
            Server jetty, HttpConfiguration http, TlsSettings tls, String host, PrintStream log) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(PemKeyStore.load(tls.certificate(), tls.key()));
        ssl.setKeyStorePassword(PemKeyStore.PASSWORD);
        ssl.setKeyManagerPassword(PemKeyStore.PASSWORD);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients reach a self-hosted server by IP or by a name the certificate may not list as SNI; the handshake
        // already checked the name the client asked for
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                jetty,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(tls.port());
        connector.setShutdownIdleTimeout(5_000);
        jetty.addConnector(connector);
        jetty.addBean(new Reloader(ssl, tls, log));
        return connector;
    }

    /**
     * Polls the two files' fingerprints (real path, size, modification time) rather than watching them: renewers
     * replace files by renaming or swap a symlink (certbot's live/ directory), which a watch on the old inode or
     * the resolved path would miss. A pair that does not load (a renewer halfway through writing them) is logged once
     * and retried on the next change; the server keeps its current certificate meanwhile.
     */
    static final class Reloader extends AbstractLifeCycle {
        private final SslContextFactory.Server ssl;
        private final TlsSettings tls;
        private final PrintStream log;
        private ScheduledExecutorService timer;
        private List<String> seen;

        Reloader(SslContextFactory.Server ssl, TlsSettings tls, PrintStream log) {
            this.ssl = ssl;
            this.tls = tls;
            this.log = log;
        }

        @Override
        protected void doStart() {
            seen = fingerprint();
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "belfry-tls-reload");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::check, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doStop() {
            timer.shutdownNow();
        }

        private void check() {
            List<String> now = fingerprint();
            if (now.equals(seen)) {
                return;
            }
            seen = now;
            try {
                java.security.KeyStore store = PemKeyStore.load(tls.certificate(), tls.key());
                ssl.reload(f -> f.setKeyStore(store));
                log.println("belfry: TLS certificate reloaded from " + tls.certificate());
            } catch (Exception e) {
                log.println("belfry: TLS files changed but cannot be used yet, keeping the current certificate: "
                        + e.getMessage());
            }
            log.flush();
        }

        private List<String> fingerprint() {
            return List.of(fingerprint(tls.certificate()), fingerprint(tls.key()));
        }

        private static String fingerprint(Path file) {
            try {
                return file.toRealPath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file);
            } catch (IOException e) {
                return "missing";
            }
        }
    }
}
