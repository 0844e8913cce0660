package dev.belfry.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The console's pages: a fixed set of files from the jar, read once at start. No directory is listed and no other
 * name is served. They revalidate on every load (an ETag of their content), so a new Belfry version is picked up at
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

    private final Map<String, Asset> assets;

    ConsoleAssets() {
        this.assets = Map.copyOf(TYPES.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> load(e.getKey(), e.getValue()))));
    }

    /** The file for a path under the console ("" is the page itself), or null. */
    Asset find(String name) {
        return assets.get(name.isEmpty() ? "index.html" : name);
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
