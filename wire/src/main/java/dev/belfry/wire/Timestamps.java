package dev.belfry.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Chime writes timestamps as ISO-8601 UTC with milliseconds, e.g. 2019-12-02T22:29:31.549Z (D25). */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String iso8601(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Reads an ISO-8601 instant or epoch seconds, as the model's timestamp members may arrive. */
    public static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                double seconds = Double.parseDouble(text);
                return Instant.ofEpochMilli(Math.round(seconds * 1000));
            } catch (NumberFormatException notANumber) {
                throw new WireException("'" + text + "' is not a timestamp.");
            }
        }
    }
}
