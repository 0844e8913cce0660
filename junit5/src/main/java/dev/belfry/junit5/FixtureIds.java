package dev.belfry.junit5;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /_belfry/fixtures's {"Ids":{name:id,…}}. Names are [A-Za-z0-9_.-] and ids UUIDs, so a pattern reads it
 * without a JSON library (this artifact adds none to the user's classpath).
 */
record FixtureIds(Map<String, String> ids) {
    private static final Pattern PAIR = Pattern.compile("\"([A-Za-z0-9_.-]+)\":\"([^\"]*)\"");

    static FixtureIds parse(String body) {
        int start = body.indexOf("\"Ids\":{");
        if (start < 0) {
            throw new IllegalStateException("not an answer of /_belfry/fixtures: " + body);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(body.substring(start + 7));
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        return new FixtureIds(Map.copyOf(ids));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(ids.get(name));
    }

    Set<String> names() {
        return new java.util.TreeSet<>(ids.keySet());
    }
}
