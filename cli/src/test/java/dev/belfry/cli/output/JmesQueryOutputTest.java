package dev.belfry.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.cli.CliException;
import dev.belfry.cli.json.PyJsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --query through the formatters; expected bytes are /usr/bin/aws's for the same response and query. */
class JmesQueryOutputTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> response() {
        return new LinkedHashMap<>(
                (Map<String, Object>) PyJsonReader.read("{\"Room\": {\"RoomId\": \"r1\", \"Name\": \"n\"}}"));
    }

    private static String format(String output, String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            Formatters.create(output, query).format("ListRoomMemberships", response(), out);
        } finally {
            out.flush();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTableOfScalarsShowsNullAsNone() {
        assertThat(format("table", "[avg(`[1, 2]`), to_number('3'), `null`, `true`]"))
                .isEqualTo(
                        "---------------------\n|ListRoomMemberships|\n+-------------------+\n|  1.5              |\n"
                                + "|  3                |\n|  None             |\n|  True             |\n+-------------------+\n");
    }

    @Test
    void pythonNumbersSurviveTheQuery() {
        assertThat(format("json", "[avg(`[1, 2]`), to_number('1'), to_number('1.0'), ceil(`1.5`), `1` == `1.0`]"))
                .isEqualTo("[\n    1.5,\n    1,\n    1.0,\n    2,\n    true\n]\n");
    }

    @Test
    void anInvalidQueryIsABadValueForQuery() {
        assertThatThrownBy(() -> Formatters.checkQuery("foo["))
                .isInstanceOf(CliException.ParamValidation.class)
                .hasMessage("Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"
                        + "\"foo[\"\n     ^");
        assertThatThrownBy(() -> Formatters.checkQuery("a = b"))
                .hasMessage("Bad value for --query a = b: Bad jmespath expression: Unknown token '=':\na = b\n  ^");
    }

    @Test
    void anExpressionReferenceCannotBeWrittenAsJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Formatters.create("json", "{a: &Room}").format("X", response(), out))
                .isInstanceOf(CliException.class)
                .hasMessage("Circular reference detected");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\n    \"a\": ");
    }
}
