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
public final class Timestamps {
  private Timestamps() {}

  public static String render(Object wire) {
    if (wire instanceof Number n) {
      BigDecimal seconds = new BigDecimal(n.toString());
      Instant instant = Instant.ofEpochSecond(seconds.longValue(),
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
    return base + String.format("%s%02d:%02d", sign, total / 3600, (total / 60) % 60);
  }

  private static String isoformatLocal(LocalDateTime t) {
    String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
        t.getHour(), t.getMinute(), t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? base : base + String.format(".%06d", micros);
  }
}
