package dev.belfry.cli.jmespath;

import dev.belfry.cli.json.PyJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the JSON test data under src/test/resources/jmespath as Python's json.load would. */
final class JmesCases {
    static final List<String> COMPLIANCE_FILES = List.of(
            "basic",
            "benchmarks",
            "boolean",
            "current",
            "escape",
            "filters",
            "functions",
            "identifiers",
            "indices",
            "literal",
            "multiselect",
            "pipe",
            "slice",
            "syntax",
            "unicode",
            "wildcard");

    private JmesCases() {}

    static Object read(String resource) {
        try (InputStream in = JmesCases.class.getResourceAsStream("/jmespath/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource jmespath/" + resource);
            }
            return PyJsonReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> suites(String resource) {
        return (List<Map<String, Object>>) read(resource);
    }

    /** What a search gave: its value, or the error it raised. */
    record Outcome(Object value, JmesPathException error) {}

    static Outcome run(String expression, Object given) {
        try {
            return new Outcome(JmesPath.compile(expression).search(given), null);
        } catch (JmesPathException e) {
            return new Outcome(null, e);
        }
    }
}
