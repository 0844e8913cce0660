package dev.belfry.server;

import java.util.Locale;

/**
 * How a server reports to its operator, beside what it serves ({@link ServerSettings}).
 *
 * @param accessLog one line per request on the log stream (at level info or debug)
 * @param seedsAtStart start-up seeding (serve --demo) follows the start: /_belfry/ready answers 503 until the
 *     caller says {@code readiness().seedingFinished()}
 * @param level the least severe lines written: Belfry's own and, through SLF4J, its libraries'
 * @param format how Belfry's access and error lines are written
 * @param trustProxy believe X-Forwarded-For: the access log then names the client the proxy saw (D34)
 * @param testMode serve --test-mode: the reset and snapshot endpoints answer (D91, D92); otherwise they are refused
 */
public record OperatorOptions(
        boolean accessLog,
        boolean seedsAtStart,
        LogLevel level,
        LogFormat format,
        boolean trustProxy,
        boolean testMode) {

    /** Severity, least verbose first. */
    public enum LogLevel {
        ERROR,
        WARN,
        INFO,
        DEBUG;

        public boolean includes(LogLevel other) {
            return other.ordinal() <= ordinal();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum LogFormat {
        /** logfmt: key=value pairs, one line each */
        TEXT,
        /** one JSON object a line */
        JSON
    }

    public static OperatorOptions defaults() {
        return new OperatorOptions(true, false, LogLevel.INFO, LogFormat.TEXT, false, false);
    }

    public OperatorOptions withAccessLog(boolean on) {
        return new OperatorOptions(on, seedsAtStart, level, format, trustProxy, testMode);
    }

    public OperatorOptions withSeedsAtStart(boolean seeds) {
        return new OperatorOptions(accessLog, seeds, level, format, trustProxy, testMode);
    }

    public OperatorOptions withLevel(LogLevel newLevel) {
        return new OperatorOptions(accessLog, seedsAtStart, newLevel, format, trustProxy, testMode);
    }

    public OperatorOptions withFormat(LogFormat newFormat) {
        return new OperatorOptions(accessLog, seedsAtStart, level, newFormat, trustProxy, testMode);
    }

    public OperatorOptions withTrustProxy(boolean trust) {
        return new OperatorOptions(accessLog, seedsAtStart, level, format, trust, testMode);
    }

    public OperatorOptions withTestMode(boolean on) {
        return new OperatorOptions(accessLog, seedsAtStart, level, format, trustProxy, on);
    }
}
