package dev.belfry.junit5;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One {@code java -jar belfry.jar serve --test-mode} child process: a temporary data directory, port 0 (the banner
 * says which port the server took, so no port is ever raced for), ready when {@code /_belfry/ready} says so. Closing
 * it kills the process and deletes its data. {@link AutoCloseable} and JUnit's
 * {@code CloseableResource}, so a per-run server closes when the run ends.
 */
final class BelfryProcess
        implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {
    static final String ACCESS_KEY_ID = "test";
    static final String SECRET_ACCESS_KEY = "test";
    static final String TENANT = "000000000000";
    private static final Pattern SERVING = Pattern.compile("serving the Amazon Chime chat-room API at (http://\\S+)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path dir;
    private final URI endpoint;
    private final StringBuffer output;
    private volatile FixtureIds ids;

    private BelfryProcess(Process process, Path dir, URI endpoint, StringBuffer output) {
        this.process = process;
        this.dir = dir;
        this.endpoint = endpoint;
        this.output = output;
    }

    static BelfryProcess start(BelfryConfig config) {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("belfry-junit5");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : config.javaOptions().trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-jar", BundledJar.path().toString(), "serve", "--test-mode", "--port", "0"));
            command.addAll(List.of("--data", dir.resolve("data").toString(), "--no-access-log"));
            if (config.enterprise()) {
                command.addAll(List.of("--create-account-type", "EnterpriseLWA"));
            }
            if (config.fixtures() != null) {
                command.addAll(List.of(
                        "--fixtures", fixtureFile(config.fixtures(), dir).toString()));
            }
            command.addAll(config.serveArgs());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // the server's own credential file and config must not leak in from the developer's environment
            builder.environment().keySet().removeIf(k -> k.startsWith("BELFRY_"));
            process = builder.start();
            StringBuffer output = new StringBuffer();
            URI endpoint = awaitListening(process, output, config.startTimeout());
            BelfryProcess p = new BelfryProcess(process, dir, endpoint, output);
            p.awaitReady(config.startTimeout());
            return p;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            delete(dir);
            throw e instanceof RuntimeException r
                    ? r
                    : new UncheckedIOException("cannot start Belfry", (IOException) e);
        }
    }

    /** Reads the child's output on a daemon thread (so it never blocks on a full pipe) until the banner's URL. */
    private static URI awaitListening(Process process, StringBuffer output, Duration timeout) {
        Thread reader = new Thread(
                () -> {
                    try (InputStream in = process.getInputStream()) {
                        byte[] buf = new byte[8192];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "belfry-junit5-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(output);
            if (m.find()) {
                return URI.create(m.group(1).replaceAll("/+$", ""));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "belfry serve exited with " + process.exitValue() + " before listening:\n" + output);
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException("belfry serve did not listen within " + timeout + ":\n" + output);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("belfry serve exited with " + process.exitValue() + ":\n" + output);
            }
            try {
                HttpResponse<String> r = send("GET", "/_belfry/ready");
                last = r.body();
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            sleep();
        }
        throw new IllegalStateException("belfry serve was not ready within " + timeout + " (" + last + "):\n" + output);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Belfry starts", e);
        }
    }

    /** A classpath resource is copied out (the server is another process); a file path is used as it is. */
    private static Path fixtureFile(String name, Path dir) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(name.replaceFirst("^/", ""))) {
            if (in != null) {
                Path copy = dir.resolve(Path.of(name).getFileName().toString());
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            }
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no fixture file " + name + " on the test classpath nor in "
                    + Path.of("").toAbsolutePath());
        }
        return file.toAbsolutePath();
    }

    URI endpoint() {
        return endpoint;
    }

    FixtureIds fixtureIds() {
        if (ids == null) {
            ids = FixtureIds.parse(send("GET", "/_belfry/fixtures").body());
        }
        return ids;
    }

    /** A test-mode call; anything but 2xx is the server's own message. */
    void post(String path) {
        HttpResponse<String> r = send("POST", path);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<String> send(String method, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(endpoint.resolve(path))
                            .timeout(Duration.ofSeconds(30))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * SIGKILL at once: the data is thrown away, and a graceful stop would wait out the SDK's keep-alive connections
     * (seconds per class).
     */
    @Override
    public void close() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans what is left
        }
    }
}
