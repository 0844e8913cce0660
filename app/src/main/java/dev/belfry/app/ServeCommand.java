package dev.belfry.app;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Limits;
import dev.belfry.rooms.PhoneNumberPool;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.MessagingSettings;
import dev.belfry.server.OperatorOptions;
import dev.belfry.server.OperatorOptions.LogFormat;
import dev.belfry.server.OperatorOptions.LogLevel;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.fixtures.FixtureFile;
import dev.belfry.server.mail.SmtpSettings;
import dev.belfry.server.tls.TlsSettings;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code belfry serve}: start the API server, print where it listens and how to reach it.
 *
 * <p>Every setting comes from, in this order: the command line, the environment ({@code BELFRY_<NAME>},
 * e.g. {@code BELFRY_DB}, {@code BELFRY_MAX_MEMBERS_PER_ROOM}), the config file ({@code --config FILE} or
 * {@code BELFRY_CONFIG}; a Java properties file whose keys are the option names without dashes in front,
 * e.g. {@code db=jdbc:postgresql://…}), then the built-in default. Options are boxed: null means "not
 * given here", so the layers can be told apart.
 */
@Command(
        name = "belfry serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionLine.class,
        sortOptions = false,
        description = "Serve the Amazon Chime chat-room API (rest-json, SigV4).",
        footerHeading = "%nSettings%n",
        footer = {
            "Each option can also be set in the environment as BELFRY_<OPTION> (upper case, dashes as"
                    + " underscores: BELFRY_DB, BELFRY_PORT, BELFRY_MAX_MEMBERS_PER_ROOM, ...) or in a config file"
                    + " (--config FILE or BELFRY_CONFIG): a properties file with one `option = value` a line, the option"
                    + " named without its leading dashes, e.g.",
            "    db = jdbc:postgresql://db.example:5432/belfry?user=belfry&password=secret",
            "    port = 8765",
            "    host = 0.0.0.0",
            "    create-account-type = EnterpriseLWA",
            "    credentials = credentials.json",
            "    max-members-per-room = 1000",
            "    tls-cert = /etc/belfry/tls/fullchain.pem",
            "    tls-key = /etc/belfry/tls/privkey.pem",
            "    log-format = json",
            "    phone-number-pool = phone-numbers.txt",
            "Relative paths in the file are resolved against the file's directory. Unknown keys are an error.",
            "Precedence: command line > environment > config file > defaults.",
            "SQLite in --data is the default database; with --db jdbc:postgresql://... several servers can share"
                    + " one PostgreSQL database (docs/POSTGRESQL.md)."
        })
final class ServeCommand implements Callable<Integer> {
    /** Returned when the server runs on in its own threads: main must not exit. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    static final int DEFAULT_POOL_SIZE =
            StoreConfig.jdbc("jdbc:postgresql://x/y").poolSize();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with settings (or BELFRY_CONFIG);" + " see Settings below.")
    Path config;

    @Option(
            names = "--port",
            description = "TCP port (default " + ServerSettings.DEFAULT_PORT + "; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "Address to bind (default 127.0.0.1; 0.0.0.0 for all).")
    String host;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the embedded SQLite database (default belfry-data).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "JDBC URL of the database instead, e.g. jdbc:postgresql://host:5432/db?user=u&password=p"
                    + " (or BELFRY_DB).")
    String db;

    @Option(
            names = "--db-pool-size",
            paramLabel = "N",
            description = "Pooled connections to PostgreSQL per server (default " + 10 + ").")
    Integer dbPoolSize;

    @Option(
            names = "--sqlite-wal-limit-mb",
            paramLabel = "MB",
            description = "Size the embedded database's write-ahead log is kept under (default "
                    + (StoreConfig.DEFAULT_WAL_LIMIT_BYTES >> 20) + ").")
    Integer walLimitMb;

    @Option(
            names = "--demo",
            description = "Seed an Enterprise account with users, a bot and a room, and print commands to try.")
    Boolean demo;

    @Option(
            names = "--test-mode",
            description = "Serve POST /_belfry/reset and /_belfry/snapshots/{name} (unsigned: for test servers only).")
    Boolean testMode;

    @Option(
            names = "--fixtures",
            paramLabel = "FILE",
            description = "YAML or JSON file of accounts, users, bots, rooms, memberships and webhooks, applied at"
                    + " start-up (idempotently; ready only after it). See docs/TESTING-WITH-BELFRY.md.")
    Path fixtures;

    @Option(
            names = "--create-account-type",
            paramLabel = "TYPE",
            description = "Account type CreateAccount makes: Team, EnterpriseDirectory, EnterpriseLWA, EnterpriseOIDC"
                    + " (default Team, as Chime).")
    String createAccountType;

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "JSON file listing credentials and their tenants.")
    Path credentials;

    @Option(
            names = "--phone-number-pool",
            paramLabel = "FILE",
            description = "The numbers SearchAvailablePhoneNumbers offers and orders acquire, one range a line"
                    + " (docs/OPERATIONS.md; default: numbers reserved for fiction).")
    Path phoneNumberPool;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "What webhook URLs start with, as integrations reach this server (e.g. behind a proxy:"
                    + " https://hooks.example.com); default: the server's own URL.")
    String publicUrl;

    @Option(
            names = "--webhook-posts-per-second",
            paramLabel = "N",
            description =
                    "Posts one incoming webhook accepts per second before answering 429 (Chime: 1); 0: no" + " limit.")
    String webhookPostsPerSecond;

    @Option(
            names = "--retention-sweep-interval",
            paramLabel = "SECONDS",
            description = "How often messages past their account's retention period are deleted (default 600).")
    Integer retentionSweepSeconds;

    @Option(
            names = "--audit-retention-days",
            paramLabel = "DAYS",
            description = "Delete audit events of membership changes older than this (default: kept for ever).")
    Integer auditRetentionDays;

    @Option(
            names = "--bot-event-retry-horizon",
            paramLabel = "SECONDS",
            description = "How long a bot event whose endpoint keeps failing is retried before it is dead"
                    + " (default 86400: 24 hours).")
    Integer botEventRetryHorizonSeconds;

    @Option(
            names = "--bot-event-retention-days",
            paramLabel = "DAYS",
            description = "Delete delivered bot events this many days after their delivery (default 7).")
    Integer botEventRetentionDays;

    @Option(
            names = "--bot-event-dead-retention-days",
            paramLabel = "DAYS",
            description = "Delete dead bot events (given up on) this many days after that (default 30).")
    Integer botEventDeadRetentionDays;

    @Option(
            names = "--allow-http-bot-endpoints",
            description = "Accept plain http:// bot endpoints on any host (default: https://, or http:// to loopback).")
    Boolean allowHttpBotEndpoints;

    @Option(
            names = "--lambda-endpoint",
            paramLabel = "URL",
            description = "Where bots with a LambdaFunctionArn are invoked: a Lambda-compatible Invoke API (default:"
                    + " AWS Lambda in the ARN's region, https://lambda.<region>.amazonaws.com), signed with the AWS"
                    + " credentials of the environment or profile.")
    String lambdaEndpoint;

    @Option(names = "--max-members-per-room", paramLabel = "N", description = "Default " + 1000 + ".")
    Integer membersPerRoom;

    @Option(names = "--max-rooms-per-member", paramLabel = "N", description = "Default " + 1000 + ".")
    Integer roomsPerMember;

    @Option(names = "--max-rooms-per-account", paramLabel = "N", description = "Default " + 1500 + ".")
    Integer roomsPerAccount;

    @Option(names = "--max-bots-per-account", paramLabel = "N", description = "Default " + 10 + ".")
    Integer botsPerAccount;

    @Option(names = "--access-log", negatable = true, description = "One line per request on stdout (default on).")
    Boolean accessLog;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "PEM certificate (then its chain) to serve HTTPS with; reloaded when it changes. Plain HTTP"
                    + " is then off unless --port is given.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "FILE",
            description = "PEM private key of --tls-cert (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted).")
    Path tlsKey;

    @Option(
            names = "--tls-port",
            paramLabel = "N",
            description = "HTTPS port (default " + TlsSettings.DEFAULT_PORT + "; 0 picks a free one).")
    Integer tlsPort;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description = "error, warn, info or debug (default info): the least severe lines written, Belfry's and its"
                    + " libraries'. The access log is written at info and debug.")
    String logLevel;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "text (logfmt) or json (one object a line; the start-up banner then goes to stderr, so"
                    + " stdout holds only the access log). Default text.")
    String logFormat;

    @Option(
            names = "--trust-proxy",
            negatable = true,
            description = "Believe X-Forwarded-For: the access log names the client the proxy in front saw"
                    + " (default off).")
    Boolean trustProxy;

    // InviteUsers' mail (D54)
    @Option(
            names = "--smtp-url",
            paramLabel = "URL",
            description = "Send InviteUsers' invitations through this SMTP server:"
                    + " smtp://[user[:password]@]host[:port][?starttls=required|opportunistic|off&timeout=SECONDS] or"
                    + " smtps://... (TLS from the start, port 465). Without it invitations are not mailed (EmailStatus"
                    + " NotSent). See docs/OPERATIONS.md.")
    String smtpUrl;

    @Option(
            names = "--smtp-from",
            paramLabel = "ADDRESS",
            description = "The sender of invitation mails; required with --smtp-url.")
    String smtpFrom;

    @Option(
            names = "--smtp-password-file",
            paramLabel = "FILE",
            description = "File holding the SMTP password (one line), instead of putting it in --smtp-url.")
    Path smtpPasswordFile;

    private final Map<String, String> env;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Parses and resolves options without serving: the launcher's training run exercises this path. */
    static Resolved parse(String[] args) {
        ServeCommand command = ServeFastPath.parse(args, Map.of());
        if (command == null) {
            command = new ServeCommand(Map.of());
            new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        }
        return command.resolve();
    }

    /**
     * Work every start needs whatever the options say, begun on another thread while picocli parses them (about a
     * quarter of a second on the critical path, BENCHMARKS.md item 14): reading the service model, which the
     * server asks for again and gets from its cache, and loading SQLite's native library. Either may fail here
     * without harm: the server does it again on its own path and reports a failure there.
     */
    private static Thread prewarm() {
        Thread t = new Thread(
                () -> {
                    try {
                        dev.belfry.model.ServiceModel.chime();
                        org.sqlite.SQLiteJDBCLoader.initialize();
                        // sqlite-jdbc's config builds a FastDateFormat, whose locale lookup costs ~20 ms on the
                        // server's path to opening the database
                        new org.sqlite.SQLiteConfig();
                    } catch (Exception | LinkageError e) {
                        // the server's own path repeats this and reports any failure
                    }
                },
                "belfry-prewarm");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static int run(String[] args) {
        Thread prewarm = prewarm();
        ServeCommand fast = ServeFastPath.parse(args, System.getenv());
        int code;
        if (fast != null) {
            code = ServeFastPath.execute(fast);
            if (code == KEEP_RUNNING) {
                return KEEP_RUNNING;
            }
        } else {
            CommandLine cli =
                    new CommandLine(new ServeCommand(System.getenv())).setCaseInsensitiveEnumValuesAllowed(true);
            code = cli.execute(args);
            Integer result = cli.getExecutionResult();
            if (result != null && result == KEEP_RUNNING) {
                return KEEP_RUNNING;
            }
        }
        // A start refused at once (a bad option, a data directory in use) must not exit while the prewarm thread
        // is inside sqlite-jdbc's library loading: cut off there, it logs a stack trace after our one line.
        try {
            prewarm.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    /** The pool file read and checked now, so a bad line stops start-up with its line number (D60). */
    private static PhoneNumberPool phoneNumberPool(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return PhoneNumberPool.parse(java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the phone number pool " + file + ": " + e.getMessage());
        }
    }

    /** The settings after all layers, or an error message for the operator. */
    record Resolved(
            ServerSettings settings,
            String dbUrl,
            Path dataDir,
            boolean demo,
            OperatorOptions options,
            FixtureFile fixtures) {}

    Resolved resolve() {
        SettingsLayers l = SettingsLayers.load(config, env);
        int thePort = l.integer("port", port, ServerSettings.DEFAULT_PORT);
        String theHost = l.string("host", host, "127.0.0.1");
        Path theData = l.path("data", data, Path.of("belfry-data"));
        String url = l.string("db", db, null);
        int pool = l.integer("db-pool-size", dbPoolSize, DEFAULT_POOL_SIZE);
        AccountType type = accountType(l.string("create-account-type", createAccountType, AccountType.Team.name()));
        Path creds = l.path("credentials", credentials, null);
        Limits d = Limits.chimeDefaults();
        Limits limits = new Limits(
                l.integer("max-members-per-room", membersPerRoom, d.membersPerRoom()),
                l.integer("max-rooms-per-member", roomsPerMember, d.roomsPerMember()),
                l.integer("max-rooms-per-account", roomsPerAccount, d.roomsPerAccount()),
                l.integer("max-bots-per-account", botsPerAccount, d.botsPerAccount()));
        if (thePort < 0 || thePort > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + thePort);
        }
        TlsSettings tls = tls(l);
        if (tls != null && !l.given("port", port)) {
            thePort = ServerSettings.NO_PORT; // HTTPS only, unless plain HTTP is asked for by name
        }
        long walLimit =
                (long) l.integer("sqlite-wal-limit-mb", walLimitMb, (int) (StoreConfig.DEFAULT_WAL_LIMIT_BYTES >> 20))
                        << 20;
        StoreConfig store = (url != null && !url.isBlank()
                        ? StoreConfig.jdbc(url).withPoolSize(pool)
                        : StoreConfig.sqlite(theData))
                .withWalLimitBytes(walLimit);
        ServerSettings settings = ServerSettings.defaults(theData)
                .withHost(theHost)
                .withPort(thePort)
                .withStore(store)
                .withCreateAccountType(type)
                .withCredentialsFile(creds)
                .withLimits(limits)
                .withTls(tls)
                .withSmtp(smtp(l))
                .withPhoneNumberPool(phoneNumberPool(l.path("phone-number-pool", phoneNumberPool, null)))
                .withMessaging(messaging(l));
        boolean seeds = l.bool("demo", demo, false);
        Path fixtureFile = l.path("fixtures", fixtures, null);
        FixtureFile theFixtures = fixtureFile == null ? null : FixtureFile.read(fixtureFile); // a bad file: exit 2
        OperatorOptions options = OperatorOptions.defaults()
                .withAccessLog(l.bool("access-log", accessLog, true))
                .withSeedsAtStart(seeds || theFixtures != null)
                .withLevel(choice("log-level", l.string("log-level", logLevel, "info"), LogLevel.values()))
                .withFormat(choice("log-format", l.string("log-format", logFormat, "text"), LogFormat.values()))
                .withTrustProxy(l.bool("trust-proxy", trustProxy, false))
                .withTestMode(l.bool("test-mode", testMode, false));
        return new Resolved(settings, store.jdbcUrl(), theData, seeds, options, theFixtures);
    }

    /**
     * --public-url, --webhook-posts-per-second, --retention-sweep-interval (issue 14); --bot-event-retry-horizon,
     * --allow-http-bot-endpoints (issue 15).
     */
    private MessagingSettings messaging(SettingsLayers l) {
        String url = l.string("public-url", publicUrl, null);
        if (url != null) {
            java.net.URI uri;
            try {
                uri = java.net.URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--public-url must be an http:// or https:// URL, was " + url);
            }
            if (uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException(
                        "--public-url must be an http:// or https:// URL with no query," + " was " + url);
            }
        }
        String rate = l.string("webhook-posts-per-second", webhookPostsPerSecond, "1");
        double perSecond;
        try {
            perSecond = Double.parseDouble(rate);
        } catch (NumberFormatException e) {
            perSecond = -1;
        }
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("--webhook-posts-per-second must be a number >= 0, was " + rate);
        }
        int sweep = l.integer("retention-sweep-interval", retentionSweepSeconds, 600);
        if (sweep < 1) {
            throw new IllegalArgumentException("--retention-sweep-interval must be at least 1 second, was " + sweep);
        }
        Integer auditDays = l.given("audit-retention-days", auditRetentionDays)
                ? l.integer("audit-retention-days", auditRetentionDays, 0)
                : null;
        if (auditDays != null && auditDays < 1) {
            throw new IllegalArgumentException("--audit-retention-days must be at least 1, was " + auditDays);
        }
        int horizon = l.integer("bot-event-retry-horizon", botEventRetryHorizonSeconds, 86_400);
        if (horizon < 0) {
            throw new IllegalArgumentException("--bot-event-retry-horizon must be 0 or more seconds, was " + horizon);
        }
        int keptDelivered = l.integer("bot-event-retention-days", botEventRetentionDays, 7);
        int keptDead = l.integer("bot-event-dead-retention-days", botEventDeadRetentionDays, 30);
        if (keptDelivered < 1 || keptDead < 1) {
            throw new IllegalArgumentException("--bot-event-retention-days and --bot-event-dead-retention-days must be"
                    + " at least 1, were " + keptDelivered + " and " + keptDead);
        }
        return MessagingSettings.defaults()
                .withAuditRetention(auditDays == null ? null : Duration.ofDays(auditDays))
                .withBotEvents(dev.belfry.server.bots.BotEventSettings.defaults()
                        .withRetryHorizon(Duration.ofSeconds(horizon))
                        .withRetention(Duration.ofDays(keptDelivered), Duration.ofDays(keptDead))
                        .withAllowHttpEndpoints(l.bool("allow-http-bot-endpoints", allowHttpBotEndpoints, false))
                        .withLambda(
                                lambdaEndpoint(l.string("lambda-endpoint", lambdaEndpoint, null)),
                                () -> LambdaKeys.resolve(env)))
                .withPublicUrl(url)
                .withWebhookPostInterval(
                        perSecond == 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / perSecond)))
                .withRetentionSweepInterval(Duration.ofSeconds(sweep));
    }

    /** --lambda-endpoint (D111): an http(s) URL with a host, no query; null when not given. */
    private static java.net.URI lambdaEndpoint(String url) {
        if (url == null) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "--lambda-endpoint must be an http:// or https:// URL with no query, was " + url);
        }
        return uri;
    }

    /** --smtp-url and its companions, or null when no mail server is configured (D54). */
    private SmtpSettings smtp(SettingsLayers l) {
        String url = l.string("smtp-url", smtpUrl, null);
        String from = l.string("smtp-from", smtpFrom, null);
        Path passwordFile = l.path("smtp-password-file", smtpPasswordFile, null);
        if (url == null || url.isBlank()) {
            if (from != null || passwordFile != null) {
                throw new IllegalArgumentException("--smtp-from and --smtp-password-file need --smtp-url");
            }
            return null;
        }
        String password = null;
        if (passwordFile != null) {
            try {
                password = java.nio.file.Files.readString(passwordFile).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read --smtp-password-file " + passwordFile + ": " + e);
            }
        }
        return SmtpSettings.parse(url, from, password);
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Resolved r;
        try {
            r = resolve();
        } catch (IllegalArgumentException | StoreException e) {
            System.err.println("belfry serve: " + e.getMessage());
            return 2;
        }
        ServerSettings settings = r.settings();
        LibraryLogging.apply(r.options().level());
        // with JSON logs stdout is the access log alone, one object a line: the banner goes to stderr
        PrintStream banner = r.options().format() == LogFormat.JSON ? System.err : out;
        BelfryServer server;
        try {
            server = BelfryServer.start(settings, env, out, System.err, r.options());
        } catch (StoreException | IllegalArgumentException e) {
            System.err.println("belfry serve: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("belfry serve: cannot listen on " + settings.host() + " port "
                    + (settings.tls() == null ? "" : settings.tls().port() + " (HTTPS)")
                    + (settings.tls() != null && settings.port() != ServerSettings.NO_PORT ? " or " : "")
                    + (settings.port() == ServerSettings.NO_PORT ? "" : String.valueOf(settings.port())) + ": "
                    + e.getMessage());
            return 1;
        }
        Shutdown.install(server, System.err);
        BannerCredential credential = BannerCredential.of(server.credentials(), settings.credentialsFile());
        ServeBanner.print(
                banner,
                server,
                credential,
                settings.createAccountType(),
                r.dbUrl() == null
                        ? "SQLite " + r.dataDir().resolve(StoreConfig.SQLITE_FILE)
                        : ServeBanner.redact(r.dbUrl()));
        if (r.demo() || r.fixtures() != null) {
            try {
                if (r.demo()) {
                    new DemoSeeder(server, credential, banner).seed();
                }
                if (r.fixtures() != null) {
                    FixtureStart.apply(server, r.fixtures(), banner);
                }
                server.readiness().seedingFinished();
            } catch (RuntimeException e) {
                // the server stays up (an operator may look at it) but is never ready: /_belfry/ready says why
                server.readiness().seedingFailed(e.getMessage());
                System.err.println("belfry serve: the " + (r.demo() ? "demo data" : "fixtures")
                        + " could not be seeded: " + e.getMessage());
            }
        }
        return KEEP_RUNNING;
    }

    /** HTTPS settings, or null when no certificate is configured. */
    private TlsSettings tls(SettingsLayers l) {
        Path cert = l.path("tls-cert", tlsCert, null);
        Path key = l.path("tls-key", tlsKey, null);
        boolean portGiven = l.given("tls-port", tlsPort);
        if (cert == null && key == null) {
            if (portGiven) {
                throw new IllegalArgumentException("tls-port needs tls-cert and tls-key");
            }
            return null;
        }
        if (cert == null || key == null) {
            throw new IllegalArgumentException("give both tls-cert and tls-key (PEM files), or neither");
        }
        int thePort = l.integer("tls-port", tlsPort, TlsSettings.DEFAULT_PORT);
        if (thePort < 0 || thePort > 65535) {
            throw new IllegalArgumentException("tls-port must be 0-65535, was " + thePort);
        }
        return new TlsSettings(cert, key, thePort);
    }

    /** One of an enum's values, named case-insensitively, or a message listing them. */
    private static <E extends Enum<E>> E choice(String key, String value, E[] values) {
        for (E v : values) {
            if (v.name().equalsIgnoreCase(value.strip())) {
                return v;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E v : values) {
            names.append(names.length() == 0 ? "" : ", ").append(v.name().toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException(key + " must be one of " + names + ", was '" + value + "'");
    }

    private static AccountType accountType(String value) {
        for (AccountType t : AccountType.values()) {
            if (t.name().equalsIgnoreCase(value.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("create-account-type must be one of " + Arrays.toString(AccountType.values())
                + ", was '" + value + "'");
    }
}
