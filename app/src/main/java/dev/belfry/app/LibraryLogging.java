package dev.belfry.app;

import dev.belfry.server.OperatorOptions.LogLevel;

/**
 * Sets how much Jetty, HikariCP, Flyway and the JDBC drivers log (through SLF4J's simple logger, on stderr) from
 * {@code --log-level}. The simple logger reads its default level once, when SLF4J first starts, and the prewarm
 * thread may have started it before the options were parsed; a per-name level is read whenever a logger is made,
 * so the level is also set for the top-level packages every library lives under ("org.", "com.").
 */
final class LibraryLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LibraryLogging() {}

    static void apply(LogLevel level) {
        // info would have the libraries print their start-up chatter, which Belfry's banner replaces: at info they
        // stay at warn; debug opens everything.
        String library = level == LogLevel.DEBUG ? "debug" : level == LogLevel.ERROR ? "error" : "warn";
        System.setProperty(PREFIX + "defaultLogLevel", library);
        System.setProperty(PREFIX + "log.org", library);
        System.setProperty(PREFIX + "log.com", library);
        System.setProperty(PREFIX + "log.io", library);
    }
}
