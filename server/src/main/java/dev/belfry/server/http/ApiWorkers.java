package dev.belfry.server.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the blocking part of API requests (SigV4, the domain, the database), apart from Jetty's
 * own threads, which then only move bytes and answer health. When the database stalls, these threads wait and
 * their queue fills; past it requests get a quick 503 instead of waiting behind the rest, and nothing the operator
 * probes (health, metrics) waits at all.
 */
public final class ApiWorkers implements Executor, AutoCloseable {
    /** As many as Jetty's pool had for the whole request before; the database pool is far smaller anyway. */
    public static final int THREADS = 64;

    /** Requests waiting for a worker: a few seconds of a saturated server's throughput. */
    public static final int QUEUE = 4_096;

    private final ThreadPoolExecutor pool;

    public ApiWorkers() {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), work -> {
                    Thread t = new Thread(work, "belfry-api-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** @throws java.util.concurrent.RejectedExecutionException when every worker is busy and the queue is full */
    @Override
    public void execute(Runnable request) {
        pool.execute(request);
    }

    /** Requests running or waiting now. */
    public int inFlight() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    /** Lets the requests already accepted finish (the server's graceful stop waited for them already). */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
