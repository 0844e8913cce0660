package dev.belfry.app;

import java.io.PrintStream;

/**
 * How {@code belfry serve} stops. SIGTERM and SIGINT stop the server gracefully (stop accepting, finish
 * in-flight requests, close the store) and exit 0: an orderly stop an operator or a supervisor asked for
 * is a success, not the JVM's default 143/130. Any other way the JVM goes down runs the same close from a
 * shutdown hook (close is idempotent).
 */
final class Shutdown {
    private Shutdown() {}

    static void install(AutoCloseable server, PrintStream err) {
        Runnable stop = () -> {
            try {
                server.close();
            } catch (Exception e) {
                err.println("belfry serve: error while stopping: " + e.getMessage());
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "belfry-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    // Off the signal thread, so a second signal is not blocked while in-flight requests finish.
                    Thread t = new Thread(
                            () -> {
                                stop.run();
                                System.exit(0);
                            },
                            "belfry-stop-" + name);
                    t.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // The platform does not let us handle this signal: the shutdown hook still stops gracefully.
            }
        }
    }
}
