package dev.belfry.server;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.InvitationMailer;
import dev.belfry.rooms.PhoneNumberPool;
import dev.belfry.rooms.RoomStore;
import dev.belfry.rooms.RoomsDomain;
import dev.belfry.server.auth.Authenticator;
import dev.belfry.server.auth.Credentials;
import dev.belfry.server.console.Console;
import dev.belfry.server.http.AccountTransferHandler;
import dev.belfry.server.http.ApiHandler;
import dev.belfry.server.http.ApiWorkers;
import dev.belfry.server.http.ErrorTranslator;
import dev.belfry.server.http.IncomingWebhookHandler;
import dev.belfry.server.http.JsonErrorHandler;
import dev.belfry.server.http.OperationRouter;
import dev.belfry.server.http.OperatorHandler;
import dev.belfry.server.http.Readiness;
import dev.belfry.server.http.RequestListener;
import dev.belfry.server.http.TestModeHandler;
import dev.belfry.server.http.Throttle;
import dev.belfry.server.mail.SmtpMailer;
import dev.belfry.server.ops.AdminOperations;
import dev.belfry.server.ops.AuditOperations;
import dev.belfry.server.ops.BotDeliveryOperations;
import dev.belfry.server.ops.Operations;
import dev.belfry.server.ops.WebhookOperations;
import dev.belfry.server.tls.TlsConnector;
import dev.belfry.store.AccountTransfer;
import dev.belfry.store.Stores;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A running Belfry API server: Jetty in front of the domain and the store. */
public final class BelfryServer implements AutoCloseable {
    /** How long a graceful stop waits for in-flight requests before it cuts them off. */
    public static final long STOP_TIMEOUT_MS = 10_000;

    /** How long /_belfry/ready waits for the database before it answers 503 (D33). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(1);

    private final Server jetty;
    private final ServerConnector connector;
    private final RoomStore store;
    private final RoomsDomain domain;
    private final Credentials credentials;
    private final Operations operations;
    private final ApiWorkers workers;
    private final Readiness readiness;
    /** Meters that hold listeners of their own (GC notifications): closed with the server. */
    private final List<AutoCloseable> meters;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final RetentionSweeper sweeper;
    private final dev.belfry.server.bots.BotEventDispatcher botEvents;
    private final Console console;

    private BelfryServer(
            Server jetty,
            ServerConnector connector,
            RoomStore store,
            RoomsDomain domain,
            Credentials credentials,
            Operations operations,
            ApiWorkers workers,
            Readiness readiness,
            List<AutoCloseable> meters,
            RetentionSweeper sweeper,
            dev.belfry.server.bots.BotEventDispatcher botEvents,
            Console console) {
        this.jetty = jetty;
        this.botEvents = botEvents;
        this.console = console;
        this.sweeper = sweeper;
        this.meters = meters;
        this.readiness = readiness;
        this.workers = workers;
        this.connector = connector;
        this.store = store;
        this.domain = domain;
        this.credentials = credentials;
        this.operations = operations;
    }

    public static BelfryServer start(
            ServerSettings settings, Map<String, String> env, PrintStream log, boolean accessLog) throws Exception {
        return start(settings, env, log, OperatorOptions.defaults().withAccessLog(accessLog));
    }

    public static BelfryServer start(
            ServerSettings settings, Map<String, String> env, PrintStream log, OperatorOptions options)
            throws Exception {
        return start(settings, env, log, System.err, options);
    }

    /**
     * @param log the access log's stream (stdout for serve)
     * @param errors where unexpected failures and their stack traces go (stderr for serve), never the access log
     */
    public static BelfryServer start(
            ServerSettings settings,
            Map<String, String> env,
            PrintStream log,
            PrintStream errors,
            OperatorOptions options)
            throws Exception {
        // Start-up is mostly class loading: read the model and build Jetty on other threads while this one
        // opens the database (a profile of `serve` showed the three about equally long, one after another).
        FutureTask<ServiceModel> modelTask = inBackground(ServiceModel::chime);
        FutureTask<Server> jettyTask = inBackground(() -> newJetty(settings, log));
        Credentials credentials = Credentials.load(settings.credentialsFile(), env);
        RoomStore store = Stores.open(settings.store());
        Readiness readiness = null;
        try {
            readiness = new Readiness(Stores.readiness(store, READY_TIMEOUT), options.seedsAtStart());
            Clock clock = Clock.systemUTC();
            InvitationMailer mailer =
                    settings.smtp() == null ? InvitationMailer.NONE : new SmtpMailer(settings.smtp(), errors); // D54
            RoomsDomain domain = new RoomsDomain(
                    store,
                    clock,
                    settings.limits(),
                    settings.createAccountType(),
                    mailer,
                    settings.phoneNumberPool() != null ? settings.phoneNumberPool() : PhoneNumberPool.defaults(),
                    messaging(settings).webhookPostInterval());
            // PutEventsConfiguration's handshake and the http:// rule (D108)
            domain.withEndpointVerifier(new dev.belfry.server.bots.HttpEndpointVerifier(
                    messaging(settings).botEvents(), clock));
            ServiceModel model = await(modelTask);
            Metrics metrics = new Metrics();
            RequestListener listener = AccessLog.both(new AccessLog(log, errors, options), metrics);
            Operations operations = new Operations(model, domain);
            AdminOperations admin = new AdminOperations(model, operations, domain.accounts());
            // webhook URLs name the server as its users reach it; by default its own URL, known once it listens
            AtomicReference<String> ownUrl = new AtomicReference<>();
            String publicUrl = messaging(settings).publicUrl();
            WebhookOperations webhookAdmin = new WebhookOperations(
                    operations,
                    domain.webhooks(),
                    domain.messages(),
                    () -> publicUrl != null ? publicUrl : ownUrl.get());
            List<OperationModel> extra = new ArrayList<>(admin.operations());
            extra.addAll(webhookAdmin.operations());
            extra.addAll(new AuditOperations(operations, domain.audit()).operations());
            extra.addAll(new BotDeliveryOperations(operations, domain.botEvents()).operations());
            ApiWorkers workers = new ApiWorkers();
            ErrorTranslator errorTranslator = new ErrorTranslator(model);
            Authenticator authenticator = new Authenticator(credentials, clock);
            Throttle throttle = new Throttle(credentials::rateLimit);
            ApiHandler api = new ApiHandler(
                    authenticator,
                    new OperationRouter(model, extra),
                    operations,
                    errorTranslator,
                    listener,
                    settings.maxBodyBytes(),
                    throttle,
                    workers);
            Server jetty = await(jettyTask);
            // Graceful stop (SIGTERM): the connector stops accepting, requests already in the handler finish
            // (up to the stop timeout), then the store closes.
            // incoming webhooks (no SigV4: the URL's token is the credential) are answered before the API's pipeline
            IncomingWebhookHandler webhooks = new IncomingWebhookHandler(
                    // an account's export and import stream past the API's body limit (issue 17, D126)
                    new AccountTransferHandler(
                            api,
                            authenticator,
                            throttle,
                            AccountTransfer.of(store),
                            workers,
                            errorTranslator,
                            listener),
                    domain.webhooks(),
                    workers,
                    errorTranslator,
                    listener);
            // the web console (issue 18) answers /_belfry/console/ before both, over the same domain and credentials
            Console console = new Console(
                    webhooks,
                    domain,
                    credentials,
                    clock,
                    () -> publicUrl != null ? publicUrl : ownUrl.get(),
                    errorTranslator,
                    workers,
                    options.trustProxy(),
                    errors);
            jetty.setHandler(new GracefulHandler(new TestModeHandler(
                    new OperatorHandler(console.handler(), metrics::scrape, readiness),
                    options.testMode() ? Stores.stateControl(store) : null)));
            jetty.start();
            ownUrl.set(url((ServerConnector) jetty.getConnectors()[0]));
            RetentionSweeper sweeper = new RetentionSweeper(
                    domain.retention(),
                    domain.audit(),
                    messaging(settings).auditRetention(),
                    domain.botEvents(),
                    messaging(settings).botEvents(),
                    messaging(settings).retentionSweepInterval(),
                    errors);
            // bot events (issue 15): reply URLs name the server as bots reach it, like webhook URLs
            dev.belfry.server.bots.BotEventDispatcher botEvents = new dev.belfry.server.bots.BotEventDispatcher(
                    domain.botEvents(),
                    messaging(settings).botEvents(),
                    () -> publicUrl != null ? publicUrl : ownUrl.get(),
                    clock,
                    errors);
            List<AutoCloseable> meters = java.util.Collections.synchronizedList(new ArrayList<>());
            metrics.bind(registry -> {
                botEvents.bind(registry);
                Metrics.bindJvm(registry, meters);
                Stores.bindPoolMetrics(store, registry);
                new JettyServerThreadPoolMetrics(jetty.getThreadPool(), List.of()).bindTo(registry);
                JettyConnectionMetrics.addToAllConnectors(jetty, registry);
            });
            // the first connector is the one url() and port() name: HTTPS when configured (newJetty adds it first)
            return new BelfryServer(
                    jetty,
                    (ServerConnector) jetty.getConnectors()[0],
                    store,
                    domain,
                    credentials,
                    operations,
                    workers,
                    readiness,
                    meters,
                    sweeper,
                    botEvents,
                    console);
        } catch (Exception | Error e) {
            if (readiness != null) {
                readiness.close();
            }
            store.close();
            throw e;
        }
    }

    private static MessagingSettings messaging(ServerSettings settings) {
        return settings.messaging() != null ? settings.messaging() : MessagingSettings.defaults();
    }

    private static Server newJetty(ServerSettings settings, PrintStream log) {
        // Jetty's MemoryUtils asks the platform MBean server whether oops are compressed, to pad its queues to a
        // cache line, unless told: starting JMX for that was ~40 ms of start-up (BENCHMARKS.md, issue 19). Heaps
        // under 32 GB have compressed oops by default: 16 references to a 64-byte line.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < (32L << 30) - (1L << 30);
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", compressed ? "16" : "8");
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("belfry-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // ApiHandler writes Date itself, after the body headers, as Chime ordered them
        // Routing is ours, by the model: let encoded slashes and odd segments reach it instead of Jetty's 400 page.
        http.setUriCompliance(UriCompliance.UNSAFE);
        if (settings.tls() != null) {
            TlsConnector.add(jetty, http, settings.tls(), settings.host(), log);
        }
        if (settings.port() != ServerSettings.NO_PORT) {
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            // On a graceful stop Jetty shortens connections' idle timeout to this (default 1 s), which would cut a
            // request whose body is still arriving; give in-flight uploads a fair chance within the stop timeout.
            connector.setShutdownIdleTimeout(5_000);
            jetty.addConnector(connector);
        }
        if (jetty.getConnectors().length == 0) {
            throw new IllegalArgumentException("nothing to listen on: plain HTTP is off and TLS is not configured");
        }
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
        return jetty;
    }

    private static <T> FutureTask<T> inBackground(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "belfry-startup");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static <T> T await(FutureTask<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The first listening URL: HTTPS when TLS is configured, else plain HTTP. */
    public String url() {
        return url(connector);
    }

    /** Every listening URL, HTTPS first. */
    public java.util.List<String> urls() {
        return java.util.Arrays.stream(jetty.getConnectors())
                .map(c -> url((ServerConnector) c))
                .toList();
    }

    private static String url(ServerConnector c) {
        String host = c.getHost() == null ? "127.0.0.1" : c.getHost();
        String scheme = c.getConnectionFactory(org.eclipse.jetty.server.SslConnectionFactory.class) != null
                ? "https://"
                : "http://";
        return scheme + (host.contains(":") ? "[" + host + "]" : host) + ":" + c.getLocalPort();
    }

    public RoomsDomain domain() {
        return domain;
    }

    /** The names of the operations this server implements: model operations and Belfry's admin operations. */
    public Set<String> operationNames() {
        return operations.implemented();
    }

    /** What /_belfry/ready reports; start-up seeding says here when it has finished. */
    /** serve --test-mode's endpoints, or null when test mode is off (D91). */
    public TestModeHandler testMode() {
        TestModeHandler handler = jetty.getDescendant(TestModeHandler.class);
        return handler == null || !handler.on() ? null : handler;
    }

    public Readiness readiness() {
        return readiness;
    }

    public Credentials credentials() {
        return credentials;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops gracefully: stop accepting, let in-flight requests finish (up to {@link #STOP_TIMEOUT_MS}), then
     * close the store. Idempotent, so a signal handler and a shutdown hook may both call it.
     */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            sweeper.close();
            botEvents.close();
            console.close(); // ends the live message streams, which a graceful stop would otherwise wait for
            jetty.stop();
            workers.close();
        } finally {
            readiness.close();
            synchronized (meters) {
                for (AutoCloseable m : meters) {
                    try {
                        m.close();
                    } catch (Exception e) {
                        // a meter's listener that cannot be removed dies with the JVM
                    }
                }
            }
            store.close();
        }
    }
}
