package dev.belfry.cli.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Renders response timestamps as the AWS CLI v2 does with its default {@code cli_timestamp_format
 * iso8601}: botocore parses the wire value into an aware datetime and the CLI prints
 * {@code datetime.isoformat()} ("2019-12-02T22:46:58.123000+00:00"; microseconds only when non-zero).
 */
public final class CliTimestamps {
    private CliTimestamps() {}

    public static String render(Object wire) {
        if (wire instanceof Number n) {
            BigDecimal seconds = new BigDecimal(n.toString());
            Instant instant = Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            return isoformat(instant.atZone(ZoneId.systemDefault()).toOffsetDateTime());
        }
        String text = String.valueOf(wire).strip();
        try {
            return isoformat(OffsetDateTime.parse(text.replace(" ", "T"), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            try {
                return isoformatLocal(LocalDateTime.parse(text.replace(" ", "T")));
            } catch (DateTimeParseException e2) {
                return text;
            }
        }
    }

    private static String isoformat(OffsetDateTime t) {
        String base = isoformatLocal(t.toLocalDateTime());
        ZoneOffset offset = t.getOffset();
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        total = Math.abs(total);
        return base + sign + two(total / 3600) + ":" + two((total / 60) % 60);
    }

    private static String isoformatLocal(LocalDateTime t) {
        String year = String.valueOf(t.getYear());
        String base = "0".repeat(Math.max(0, 4 - year.length())) + year + "-" + two(t.getMonthValue()) + "-"
                + two(t.getDayOfMonth()) + "T" + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return base;
        }
        String digits = String.valueOf(micros);
        return base + "." + "0".repeat(6 - digits.length()) + digits;
    }

    /** Two-digit zero padding without java.util.Formatter, whose first use is slow. */
    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
