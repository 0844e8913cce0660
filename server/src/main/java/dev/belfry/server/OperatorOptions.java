package dev.belfry.server;

/**
 * How a server reports to its operator, beside what it serves ({@link ServerSettings}).
 *
 * @param accessLog one line per request on the log stream
 * @param seedsAtStart start-up seeding (serve --demo) follows the start: /_belfry/ready answers 503 until the
 *     caller says {@code readiness().seedingFinished()}
 */
public record OperatorOptions(boolean accessLog, boolean seedsAtStart) {
    public static OperatorOptions defaults() {
        return new OperatorOptions(true, false);
    }

    public OperatorOptions withAccessLog(boolean on) {
        return new OperatorOptions(on, seedsAtStart);
    }

    public OperatorOptions withSeedsAtStart(boolean seeds) {
        return new OperatorOptions(accessLog, seeds);
    }
}
