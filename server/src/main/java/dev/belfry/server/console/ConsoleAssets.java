package dev.belfry.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The console's pages: a fixed set of files from the jar, read once, when the console is first asked for (not at
 * start: start-up to the first API answer is a target, and most servers never serve a page). No directory is listed
 * and no other name is served. They revalidate on every load (an ETag of their content), so a new Belfry version is picked up at
 * once and an unchanged file costs a 304.
 */
final class ConsoleAssets {
    private static final String ROOT = "/dev/belfry/server/console/static/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    record Asset(byte[] body, String type, String etag) {}

    private volatile Map<String, Asset> assets;

    /** The file for a path under the console ("" is the page itself), or null. */
    Asset find(String name) {
        Map<String, Asset> loaded = assets;
        if (loaded == null) {
            loaded = Map.copyOf(TYPES.entrySet().stream()
                    .collect(
                            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> load(e.getKey(), e.getValue()))));
            assets = loaded; // two first requests at once may both read the files: harmless, the same bytes
        }
        return loaded.get(name.isEmpty() ? "index.html" : name);
    }

    private static Asset load(String name, String type) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            byte[] body = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Asset(body, type, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
