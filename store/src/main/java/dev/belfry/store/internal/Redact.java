package dev.belfry.store.internal;

/** Keeps passwords out of messages: JDBC URLs may carry them as a query parameter. */
final class Redact {
    private Redact() {}

    static String url(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Where a PostgreSQL URL points (host:port/db), without its parameters. */
    static String target(String jdbcUrl) {
        String s = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }
}
