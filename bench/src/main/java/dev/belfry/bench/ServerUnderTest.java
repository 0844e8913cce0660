package dev.belfry.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar belfry.jar serve …} as its own process, so its start-up, resident memory (VmRSS) and CPU time
 * can be read from /proc, apart from the load generator's.
 */
final class ServerUnderTest implements AutoCloseable {
    final Process process;
    final int port;
    final Path log;
    /** Nanoseconds from spawning the JVM to the first answered (signed, 200) request. */
    final long startupNanos;

    private ServerUnderTest(Process process, int port, Path log, long startupNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupNanos = startupNanos;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts the server with the given serve options (and JVM options) and polls a signed ListAccounts until it
     * answers 200.
     */
    static ServerUnderTest start(Path jar, List<String> jvmOptions, List<String> serveOptions) throws Exception {
        List<String> program = new ArrayList<>();
        program.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        program.addAll(jvmOptions);
        program.addAll(List.of("-jar", jar.toString()));
        return start(program, java.util.Map.of(), serveOptions);
    }

    /** Starts {@code <program> serve --port P <serveOptions>}: a java command line, or a launcher such as bin/belfry. */
    static ServerUnderTest start(List<String> program, java.util.Map<String, String> env, List<String> serveOptions)
            throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of("serve", "--port", String.valueOf(port)));
        cmd.addAll(serveOptions);
        Path log = Files.createTempFile("belfry-bench-serve", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = builder.start();
        byte[] probe = null;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("belfry serve exited with " + p.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (KeepAliveClient http = new KeepAliveClient(port)) {
                if (probe == null) {
                    probe = KeepAliveClient.request(port, "GET", "/accounts", null, null);
                }
                int status = http.send(probe);
                if (status == 200) {
                    return new ServerUnderTest(p, port, log, System.nanoTime() - t0);
                }
                throw new IllegalStateException("probe answered " + status + ": " + http.body());
            } catch (IOException notYet) {
                Thread.sleep(2);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("belfry serve did not answer within 60 s:\n" + Files.readString(log));
    }

    /** Resident set size in kB from /proc/<pid>/status. */
    long rssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** User + system CPU time of the process, in nanoseconds, from /proc/<pid>/stat. */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    static long selfCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
