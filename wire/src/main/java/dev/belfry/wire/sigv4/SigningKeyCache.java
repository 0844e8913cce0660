package dev.belfry.wire.sigv4;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derived signing keys per (secret, day, region, service). Deriving costs four HMACs and a key stays valid for a
 * whole day, so a small LRU map saves most of the work for a server seeing a few busy credentials. Bounded so that
 * a client varying its scope cannot grow it. Thread-safe (synchronized; the critical section is tiny).
 */
final class SigningKeyCache {

    /** toString is overridden so that a secret can never reach a log through this key. */
    private record Key(String secret, String day, String region, String service) {
        @Override
        public String toString() {
            return "Key[" + day + '/' + region + '/' + service + ']';
        }
    }

    private final Map<Key, byte[]> keys;

    SigningKeyCache(int maxEntries) {
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The derived key; callers must not modify the returned array. */
    byte[] signingKey(String secret, String day, String region, String service) {
        Key key = new Key(secret, day, region, service);
        synchronized (keys) {
            byte[] cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Derived outside the lock: two threads may both derive once, which is harmless.
        byte[] derived = Canonicalizer.signingKey(secret, day, region, service);
        synchronized (keys) {
            keys.put(key, derived);
        }
        return derived;
    }

    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }
}
