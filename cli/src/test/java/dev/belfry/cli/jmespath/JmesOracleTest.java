package dev.belfry.cli.jmespath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Belfry's answer equals jmespath.py 1.0.1's, byte for byte, for every compliance case and every case of
 * belfry-extra.json: json.dumps of the result (so 1 and 1.0 differ), or the exception's class and message.
 * The recorded answers (oracle.json) come from src/test/scripts/jmespath-oracle.py run with the Python that
 * /usr/bin/aws runs. Object addresses in Python's default repr (0x7f...) are the only thing normalised.
 */
class JmesOracleTest {
    private static final Map<String, List<Map<String, Object>>> SUITES = new HashMap<>();

    static Stream<Arguments> answers() {
        @SuppressWarnings("unchecked")
        Map<String, Object> oracle = (Map<String, Object>) JmesCases.read("oracle.json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) oracle.get("answers");
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> a : answers) {
            String file = (String) a.get("file");
            List<Map<String, Object>> suites = SUITES.computeIfAbsent(
                    file, f -> JmesCases.suites(f.equals("belfry-extra.json") ? f : "compliance/" + f));
            Object given = suites.get(((Number) a.get("suite")).intValue()).get("given");
            out.add(Arguments.of(
                    file + " #" + a.get("suite") + "." + a.get("case") + ": " + a.get("expression"), given, a));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void sameAsJmespathPy(String name, Object given, Map<String, Object> answer) {
        String expression = (String) answer.get("expression");
        JmesCases.Outcome outcome = JmesCases.run(expression, given);
        if (answer.containsKey("error_class")) {
            assertThat(outcome.error())
                    .as("%s should raise %s: %s", expression, answer.get("error_class"), answer.get("error_message"))
                    .isNotNull();
            assertThat(normalise(outcome.error().pythonClass() + ": "
                            + outcome.error().getMessage()))
                    .isEqualTo(normalise(answer.get("error_class") + ": " + answer.get("error_message")));
        } else if (answer.containsKey("unserializable")) {
            assertThat(outcome.error()).as("no error").isNull();
            assertThat(containsExpRef(outcome.value()))
                    .as("%s holds an expression reference", outcome.value())
                    .isTrue();
        } else {
            assertThat(outcome.error()).as("no error").isNull();
            assertThat(normalise(Py.jsonDumps(outcome.value(), ", ", ": ", true)))
                    .isEqualTo(normalise((String) answer.get("result_json")));
        }
    }

    private static boolean containsExpRef(Object v) {
        if (v instanceof ExpRef) {
            return true;
        } else if (v instanceof List<?> l) {
            return l.stream().anyMatch(JmesOracleTest::containsExpRef);
        } else if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(JmesOracleTest::containsExpRef);
        }
        return false;
    }

    private static String normalise(String text) {
        return text.replaceAll("object at 0x[0-9a-f]+", "object at 0x…");
    }
}
