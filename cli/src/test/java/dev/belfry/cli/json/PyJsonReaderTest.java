package dev.belfry.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's json.loads, messages and values; expectations produced by Python 3 itself. */
class PyJsonReaderTest {
    record Case(String input, String expected) {
        @Override
        public String toString() {
            return "<" + input.replace("\n", "\\n") + ">";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("", "Expecting value: line 1 column 1 (char 0)"),
                new Case("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                new Case("[1,", "Expecting value: line 1 column 4 (char 3)"),
                new Case("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
                new Case("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
                new Case("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
                new Case("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
                new Case("{\"a\":\"\\x\"}", "Invalid \\escape: line 1 column 7 (char 6)"),
                new Case("{\"a\":\"\u0001\"}", "Invalid control character at: line 1 column 7 (char 6)"),
                new Case("[1] x", "Extra data: line 1 column 5 (char 4)"),
                new Case("nul", "Expecting value: line 1 column 1 (char 0)"),
                new Case("{a:1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                new Case("  ", "Expecting value: line 1 column 3 (char 2)"),
                new Case("[1,]", "Expecting value: line 1 column 4 (char 3)"),
                new Case("{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)"),
                new Case("\n\n  {\"a\": tru}", "Expecting value: line 3 column 9 (char 10)"),
                new Case(
                        "{\"a\": [1, 2.5, -3e2, true, false, null, \"\\u00e9\"]}",
                        "VALUE {\"a\": [1, 2.5, -300.0, true, false, null, \"\\u00e9\"]}"),
                new Case("[]", "VALUE []"),
                new Case("{}", "VALUE {}"),
                new Case("  {\"b\":1, \"a\":2}  ", "VALUE {\"b\": 1, \"a\": 2}"),
                new Case("{\"a\":1,\"a\":2}", "VALUE {\"a\": 2}"),
                new Case("12345678901234567890", "VALUE 12345678901234567890"),
                new Case("NaN", "VALUE NaN"),
                new Case("\"x\"", "VALUE \"x\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsLikePython(Case c) {
        if (c.expected().startsWith("VALUE ")) {
            assertThat(PyJsonWriter.compact(PyJsonReader.read(c.input())))
                    .isEqualTo(c.expected().substring(6));
        } else {
            assertThatThrownBy(() -> PyJsonReader.read(c.input())).hasMessage(c.expected());
        }
    }
}
