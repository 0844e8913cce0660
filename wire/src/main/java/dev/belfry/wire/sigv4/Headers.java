package dev.belfry.wire.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Case-insensitive look-ups over a received header list, which may repeat a name. */
final class Headers {

    private Headers() {}

    /** Values of every header named {@code name} (any case), in received order. */
    static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        List<String> values = new ArrayList<>(1);
        if (headers == null) {
            return values;
        }
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values.add(header.getValue() == null ? "" : header.getValue());
            }
        }
        return values;
    }

    /** The first value of {@code name}, or null when absent. */
    static String first(List<Map.Entry<String, String>> headers, String name) {
        List<String> values = values(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
