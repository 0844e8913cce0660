package dev.belfry.server.http;

import dev.belfry.server.auth.Credential;
import dev.belfry.server.auth.RateLimit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Per-credential token buckets (D20), checked right after authentication. Credentials without a
 * {@link RateLimit} pass untouched, so by default nothing is throttled. A refused request answers 429
 * ThrottledClientException, which the AWS SDKs and the CLI retry with backoff. Buckets are in this
 * process's memory: the limit is per server process.
 */
public final class Throttle {
    private final Function<String, RateLimit> limits;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Throttle(Function<String, RateLimit> limits) {
        this(limits, System::nanoTime);
    }

    Throttle(Function<String, RateLimit> limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** Takes one token for the credential, or throws the 429 ApiFailure. */
    public void acquire(Credential credential) {
        RateLimit limit = limits.apply(credential.accessKeyId());
        if (limit == null) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(credential.accessKeyId(), k -> new Bucket(limit, nanoTime.getAsLong()));
        if (!bucket.tryTake(nanoTime.getAsLong())) {
            throw new ApiFailure(new ApiError(
                    429,
                    "ThrottledClientException",
                    "Throttled",
                    String.format(
                            Locale.ROOT,
                            "Rate exceeded: the access key %s may make %s requests per second (bursts of %d); retry with backoff.",
                            credential.accessKeyId(),
                            trim(limit.requestsPerSecond()),
                            limit.burst())));
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(RateLimit limit, long now) {
            this.perNano = limit.requestsPerSecond() / 1e9;
            this.capacity = limit.burst();
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perNano);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
