package dev.belfry.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar belfry.jar serve …} as a separate process, for tests that need several servers, a
 * restart, or a kill. Waits until the server prints its URL. Output goes to a log file in the temp dir.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("belfry.jar", "../app/target/belfry.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no " + jar + "; run `mvn -B verify` from the repository root so app is packaged first");
        }
        return jar;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code serve --port P <args>} and waits for it to listen. */
    public static ServerProcess start(List<String> args, Map<String, String> env) throws Exception {
        int port = freePort();
        List<String> command =
                new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "serve", "--port", String.valueOf(port)));
        command.addAll(args);
        Path log = Files.createTempFile("belfry-serve", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitListening(Duration.ofSeconds(30));
        return server;
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("belfry serve exited with " + process.exitValue() + ":\n" + output());
            }
            if (output().contains("serving the Amazon Chime chat-room API at")) {
                return;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("belfry serve did not start within " + timeout + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: the shutdown hook stops Jetty gracefully. Returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }

    /** Reads a process's whole output, for subprocess clients (aws, python3). */
    public static String readAll(Process p) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder b = new StringBuilder();
            r.lines().forEach(l -> b.append(l).append('\n'));
            return b.toString();
        }
    }
}
