package dev.belfry.server;

import dev.belfry.server.http.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Request metrics in Prometheus text at {@code /_belfry/metrics}: {@code belfry_requests_seconds} (a timer,
 * so a count, a sum and a max) and {@code belfry_errors_total}, tagged by operation, HTTP status and error
 * type ({@code none} when absent). Every tag value comes from a closed set (model operation names, status
 * codes, model error shapes), so the series stay bounded whatever clients send. Beside them, through
 * Micrometer's own binders: the JVM ({@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*}, classes,
 * process CPU and uptime), the connection pools (HikariCP's own {@code hikaricp_connections_*}) and Jetty
 * ({@code jetty_connections_*}, {@code jetty_threads_*}), bound by {@link #bind} once the registry exists.
 */
final class Metrics implements RequestListener {
    /**
     * Building the Prometheus registry loads a few hundred classes (~0.1–0.3 s of CPU). It happens on a background
     * thread, begun once the server has answered its first request (or after a second, or at the first scrape), so
     * it neither delays start-up nor competes with the first answer for the CPUs (issue 19: on two CPUs it did).
     * Requests answered before it is ready are kept and replayed.
     */
    private static final long INIT_AT_THE_LATEST_MS = 1_000;

    private final CompletableFuture<PrometheusMeterRegistry> ready = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch firstAnswer = new java.util.concurrent.CountDownLatch(1);

    private final Object lock = new Object();
    private final List<Completed> early = new ArrayList<>();
    private volatile PrometheusMeterRegistry registry;
    /** Binders waiting for the registry; once {@code bound} is set, {@link #bind} runs them at once. */
    private final List<Consumer<MeterRegistry>> binders = new ArrayList<>();

    private MeterRegistry bound;

    Metrics() {
        Thread t = new Thread(
                () -> {
                    try {
                        firstAnswer.await(INIT_AT_THE_LATEST_MS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // build it now
                    }
                    try {
                        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                        r.config().commonTags("service", "belfry");
                        // the JVM, pool and Jetty meters are bound before anyone can scrape: a scrape waits for
                        // ready, and must see them
                        List<Consumer<MeterRegistry>> waiting;
                        synchronized (binders) {
                            waiting = new ArrayList<>(binders);
                            binders.clear();
                            bound = r;
                        }
                        waiting.forEach(b -> b.accept(r));
                        synchronized (lock) {
                            early.forEach(c -> record(r, c));
                            early.clear();
                            registry = r;
                        }
                        ready.complete(r);
                    } catch (RuntimeException | Error e) {
                        ready.completeExceptionally(e);
                    }
                },
                "belfry-metrics-init");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void completed(Completed r) {
        PrometheusMeterRegistry reg = registry;
        if (reg == null) {
            synchronized (lock) {
                reg = registry;
                if (reg == null) {
                    if (early.size() < 10_000) {
                        early.add(r);
                    }
                    firstAnswer.countDown();
                    return;
                }
            }
        }
        record(reg, r);
    }

    private static void record(PrometheusMeterRegistry registry, Completed r) {
        String operation = r.operation() == null ? "none" : r.operation();
        String status = String.valueOf(r.status());
        String error = r.errorType() == null ? "none" : r.errorType();
        Timer.builder("belfry.requests")
                .description("API requests by operation, HTTP status and error type")
                .tags("operation", operation, "status", status, "error", error)
                .serviceLevelObjectives(
                        Duration.ofMillis(5),
                        Duration.ofMillis(25),
                        Duration.ofMillis(100),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2))
                .register(registry)
                .record(r.nanos(), TimeUnit.NANOSECONDS);
        if (r.errorType() != null) {
            Counter.builder("belfry.errors")
                    .description("API errors by error type, HTTP status and operation")
                    .tags("error", error, "status", status, "operation", operation)
                    .register(registry)
                    .increment();
        }
    }

    /**
     * Runs {@code binder} on the registry once it exists (on its init thread, before a scrape can be answered, or at
     * once if it is ready), so binding the JVM, pool and Jetty meters costs start-up nothing either.
     */
    void bind(Consumer<MeterRegistry> binder) {
        MeterRegistry r;
        synchronized (binders) {
            r = bound;
            if (r == null) {
                binders.add(binder);
                return;
            }
        }
        binder.accept(r);
    }

    /** The JVM's own meters: memory pools, GC pauses, threads, classes, CPU, uptime. */
    static void bindJvm(MeterRegistry registry, List<AutoCloseable> toClose) {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        toClose.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void unexpected(String requestId, Throwable failure) {}

    String scrape() {
        firstAnswer.countDown();
        return ready.join().scrape();
    }
}
