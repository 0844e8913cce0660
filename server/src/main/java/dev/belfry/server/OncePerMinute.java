package dev.belfry.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** Says yes to a key at most once a minute; remembers the last 1,000 keys. Thread-safe. */
final class OncePerMinute {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int KEYS = 1_000;

    private final Map<String, Long> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KEYS;
        }
    };

    synchronized boolean firstInAMinute(String key) {
        long now = System.nanoTime();
        Long previous = last.get(key);
        if (previous != null && now - previous < MINUTE_NANOS) {
            return false;
        }
        last.put(key, now);
        return true;
    }
}
