package dev.belfry.cli.jmespath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the JMESPath compliance suite (src/test/resources/jmespath/compliance, see the README there):
 * a "result" case must give a value equal to it as Python compares them (what jmespath.py's own
 * test_compliance.py asserts), an "error" case must raise that kind of error. Benchmark cases without a
 * result must evaluate without an error. No case is skipped.
 */
class JmesComplianceTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : JmesCases.COMPLIANCE_FILES) {
            List<Map<String, Object>> suites = JmesCases.suites("compliance/" + file + ".json");
            for (int s = 0; s < suites.size(); s++) {
                Map<String, Object> suite = suites.get(s);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> cases = (List<Map<String, Object>>) suite.get("cases");
                for (int c = 0; c < cases.size(); c++) {
                    Map<String, Object> tc = cases.get(c);
                    String name = file + " #" + s + "." + c + ": " + tc.get("expression");
                    out.add(Arguments.of(name, suite.get("given"), tc));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compliant(String name, Object given, Map<String, Object> tc) {
        String expression = (String) tc.get("expression");
        JmesCases.Outcome outcome = JmesCases.run(expression, given);
        if (tc.containsKey("error")) {
            assertThat(outcome.error())
                    .as("an error of kind %s", tc.get("error"))
                    .isNotNull();
            assertThat(outcome.error().kind().suiteName()).isEqualTo(tc.get("error"));
        } else if (tc.containsKey("result")) {
            assertThat(outcome.error()).as("no error").isNull();
            Object expected = tc.get("result");
            assertThat(Py.eq(outcome.value(), expected))
                    .as("%s gave %s, expected %s", expression, Py.repr(outcome.value()), Py.repr(expected))
                    .isTrue();
        } else {
            assertThat(outcome.error())
                    .as("benchmark %s evaluates", tc.get("bench"))
                    .isNull();
        }
    }
}
