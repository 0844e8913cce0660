package dev.belfry.wire.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SigV4 basic ISO-8601 timestamp ({@code yyyyMMdd'T'HHmmss'Z'}). Formatting and parsing are done by hand so
 * the CLI's signing path never initializes a {@link DateTimeFormatter}; only the verifier's {@code Date} fallback
 * touches one.
 */
final class AmzDate {

    private AmzDate() {}

    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        pad(out, t.getYear(), 4)
                .append(pad2(t.getMonthValue()))
                .append(pad2(t.getDayOfMonth()))
                .append('T');
        return out.append(pad2(t.getHour()))
                .append(pad2(t.getMinute()))
                .append(pad2(t.getSecond()))
                .append('Z')
                .toString();
    }

    /** Parses an X-Amz-Date value, or returns null when it is not exactly {@code yyyyMMdd'T'HHmmss'Z'}. */
    static Instant parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.length() != 16 || v.charAt(8) != 'T' || v.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(
                            num(v, 0, 4), num(v, 4, 6), num(v, 6, 8), num(v, 9, 11), num(v, 11, 13), num(v, 13, 15))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Parses an HTTP {@code Date} header (RFC 1123), or returns null. */
    static Instant parseHttpDate(String value) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static String pad2(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        return out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }
}
