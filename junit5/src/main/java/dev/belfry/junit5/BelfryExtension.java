package dev.belfry.junit5;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Belfry server for a JUnit 5 test class (D90):
 *
 * <pre>
 * &#64;RegisterExtension
 * static BelfryExtension belfry = BelfryExtension.builder().enterpriseAccounts().fixtures("chime-fixtures.yaml").build();
 * </pre>
 *
 * starts the bundled belfry.jar as a child process ({@code serve --test-mode}) on a free port with a temporary SQLite
 * data directory, once per class (the default), per test method, or once for the whole run, and waits until it is
 * ready (after the fixtures). The test gets {@link #endpoint()}, {@link #region()}, the credential, and with the
 * AWS SDK for Java v2 on its classpath a ready {@link #chime()} client. {@link #reset()} goes back to the fixtures
 * (or to empty) in milliseconds; {@code resetBeforeEach()} does it before every test.
 */
public final class BelfryExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** How long one server lives. */
    public enum Lifecycle {
        PER_CLASS,
        PER_METHOD,
        /** One server for every class that registers an equal configuration, closed when the run ends. */
        PER_RUN
    }

    /** The snapshot the server records once the fixture file is applied (D92). */
    private static final String FIXTURES = "fixtures";

    private final BelfryConfig config;
    private final Lifecycle lifecycle;
    private final boolean resetBeforeEach;
    private volatile BelfryProcess process;
    private Object client; // a ChimeClient, created on first use when the SDK is there

    private BelfryExtension(Builder b) {
        this.config =
                new BelfryConfig(b.enterprise, b.fixtures, List.copyOf(b.serveArgs), b.javaOptions, b.startTimeout);
        this.lifecycle = b.lifecycle;
        this.resetBeforeEach = b.resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_CLASS) {
            process = BelfryProcess.start(config);
        } else if (lifecycle == Lifecycle.PER_RUN) {
            process = context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(BelfryExtension.class))
                    .getOrComputeIfAbsent(config, c -> BelfryProcess.start(config), BelfryProcess.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_METHOD) {
            process = BelfryProcess.start(config);
        } else if (resetBeforeEach) {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_METHOD) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_CLASS) {
            stop();
        }
        // PER_RUN: the root store closes the process when the run ends
    }

    /**
     * Starts the server outside JUnit (a benchmark, a main method), as {@code beforeAll} does for a class; {@link
     * #close()} stops it.
     */
    public BelfryExtension start() {
        if (process != null) {
            throw new IllegalStateException("the Belfry server is already running at " + process.endpoint());
        }
        process = BelfryProcess.start(config);
        return this;
    }

    /** Stops a server {@link #start()} started (killed, its data deleted); nothing when none runs. */
    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        if (client instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing an HTTP client: nothing to report to a test
            }
        }
        client = null;
        BelfryProcess p = process;
        process = null;
        if (p != null) {
            p.close();
        }
    }

    private BelfryProcess running() {
        BelfryProcess p = process;
        if (p == null) {
            throw new IllegalStateException(
                    "the Belfry server is not running: register the extension as a static @RegisterExtension field"
                            + " (per class or per run) or use it inside a test (per method)");
        }
        return p;
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:43117}: the SDK's endpointOverride. */
    public URI endpoint() {
        return running().endpoint();
    }

    /** Belfry accepts any region in the signature; this is the one its clients are given. */
    public String region() {
        return "us-east-1";
    }

    public String accessKeyId() {
        return BelfryProcess.ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return BelfryProcess.SECRET_ACCESS_KEY;
    }

    /** The tenant (AWS account id) the credential acts for. */
    public String tenant() {
        return BelfryProcess.TENANT;
    }

    /** The id the fixture file gave a symbolic name: {@code id("acme")}, {@code id("acme.ops")}. */
    public String id(String symbolicName) {
        return running()
                .fixtureIds()
                .get(symbolicName)
                .orElseThrow(() -> new IllegalArgumentException("the fixture file has no name " + symbolicName
                        + " (it has " + running().fixtureIds().names() + ")"));
    }

    /**
     * A {@code software.amazon.awssdk.services.chime.ChimeClient} for this server, closed with it. Needs the SDK's
     * {@code chime} and {@code url-connection-client} artifacts on the test classpath.
     */
    public synchronized software.amazon.awssdk.services.chime.ChimeClient chime() {
        BelfryProcess p = running();
        if (client == null) {
            try {
                client = SdkClients.chime(p.endpoint(), region(), accessKeyId(), secretAccessKey());
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException("BelfryExtension.chime() needs software.amazon.awssdk:chime and"
                        + " software.amazon.awssdk:url-connection-client on the test classpath (missing "
                        + e.getMessage() + ")");
            }
        }
        return (software.amazon.awssdk.services.chime.ChimeClient) client;
    }

    /**
     * Back to the state right after start-up: the fixtures when there are some, else no data at all. The scoped
     * resets below mean the same for their scope (D99).
     */
    public void reset() {
        BelfryProcess p = running();
        if (config.fixtures() != null) {
            p.post("/_belfry/snapshots/" + FIXTURES + "/restore");
        } else {
            p.post("/_belfry/reset");
        }
    }

    /**
     * One account back to its state right after start-up, every other account untouched (D99): as the fixture file
     * made it when it is one of the file's, else deleted with everything in it.
     */
    public void resetAccount(String accountId) {
        scoped("account-id", accountId);
    }

    /** One tenant (AWS account id) back to its state right after start-up, other tenants untouched (D99). */
    public void resetTenant(String tenantId) {
        scoped("tenant", tenantId);
    }

    private void scoped(String parameter, String value) {
        String query = "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        BelfryProcess p = running();
        if (config.fixtures() != null) {
            p.post("/_belfry/snapshots/" + FIXTURES + "/restore" + query);
        } else {
            p.post("/_belfry/reset" + query);
        }
    }

    public void snapshot(String name) {
        running().post("/_belfry/snapshots/" + name);
    }

    public void restore(String name) {
        running().post("/_belfry/snapshots/" + name + "/restore");
    }

    /** Options of the extension; {@link #build()} makes it. */
    public static final class Builder {
        private boolean enterprise;
        private String fixtures;
        private Lifecycle lifecycle = Lifecycle.PER_CLASS;
        private boolean resetBeforeEach;
        private final List<String> serveArgs = new ArrayList<>();
        private String javaOptions = "-XX:TieredStopAtLevel=1 -Xshare:auto";
        private java.time.Duration startTimeout = java.time.Duration.ofSeconds(60);

        private Builder() {}

        /** CreateAccount makes Enterprise (LWA) accounts, so users, bots and rooms can be made through the API. */
        public Builder enterpriseAccounts() {
            enterprise = true;
            return this;
        }

        /**
         * A fixture file (YAML or JSON, docs/TESTING-WITH-BELFRY.md): a resource on the test classpath, else a file
         * path.
         */
        public Builder fixtures(String resourceOrPath) {
            fixtures = Objects.requireNonNull(resourceOrPath);
            return this;
        }

        public Builder fixtures(Path file) {
            return fixtures(file.toString());
        }

        public Builder lifecycle(Lifecycle value) {
            lifecycle = Objects.requireNonNull(value);
            return this;
        }

        public Builder perMethod() {
            return lifecycle(Lifecycle.PER_METHOD);
        }

        public Builder perRun() {
            return lifecycle(Lifecycle.PER_RUN);
        }

        /** {@link #reset()} before every test (per class and per run). */
        public Builder resetBeforeEach() {
            resetBeforeEach = true;
            return this;
        }

        /** More {@code belfry serve} options, e.g. {@code "--max-members-per-room", "10"}. */
        public Builder serveArgs(String... args) {
            serveArgs.addAll(List.of(args));
            return this;
        }

        /** The child JVM's options (default: quick start over peak speed). */
        public Builder javaOptions(String options) {
            javaOptions = Objects.requireNonNull(options);
            return this;
        }

        /**
         * How long the server may take to be ready, fixtures included (default 60 s): a fixture file of thousands of
         * memberships on a loaded machine takes longer.
         */
        public Builder startTimeout(java.time.Duration value) {
            startTimeout = Objects.requireNonNull(value);
            return this;
        }

        public BelfryExtension build() {
            return new BelfryExtension(this);
        }
    }
}
