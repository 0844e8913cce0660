package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Differential: every {@code belfry serve} line {@link ServeFastPath} accepts must leave exactly the option fields
 * picocli leaves, and the lines it accepts must include the everyday ones (else the start-up saving is gone).
 */
class ServeFastPathTest {
    private static final List<String> INTEGERS = List.of(
            "0", "7", "8765", "65535", "999999999", "1234567890", "010", "+5", "0x10", "-1", "", " 5", "five", "5.0");
    private static final List<String> STRINGS =
            List.of("x", "0.0.0.0", "jdbc:postgresql://h:5432/db?user=u&password=p", "a b", "", "--port", "-x", "@x");
    private static final List<String> PATHS = List.of("dir", "/tmp/a b/c", "./rel/../x", "", "-d", "@f");

    private static List<Field> options() {
        List<Field> out = new ArrayList<>();
        for (Field f : ServeCommand.class.getDeclaredFields()) {
            if (f.getAnnotation(Option.class) != null) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    private static List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        for (Field f : options()) {
            Option o = f.getAnnotation(Option.class);
            String name = o.names()[0];
            List<String> values = f.getType() == Integer.class
                    ? INTEGERS
                    : f.getType() == Path.class ? PATHS : f.getType() == String.class ? STRINGS : List.of();
            for (String v : values) {
                lines.add(List.of(name, v));
                lines.add(List.of(name + "=" + v));
                lines.add(List.of("--port", "0", name, v));
                lines.add(List.of(name, v, name, v)); // repeated
            }
            if (f.getType() == Boolean.class) {
                lines.add(List.of(name));
                lines.add(List.of(name + "=true"));
                lines.add(List.of(name + "=false"));
                lines.add(List.of(name, name));
                lines.add(List.of(name, "true"));
                if (o.negatable()) {
                    String negated = "--no-" + name.substring(2);
                    lines.add(List.of(negated));
                    lines.add(List.of(negated, name));
                    lines.add(List.of(negated + "=false"));
                }
            }
            lines.add(List.of(name)); // a valued option with no value
        }
        for (String odd :
                List.of("--help", "-h", "-V", "--version", "--", "serve", "--nope", "-p", "@args", "--por", "--PORT")) {
            lines.add(List.of(odd));
            lines.add(List.of("--port", "0", odd));
        }
        lines.add(List.of());
        return lines;
    }

    /** The fields picocli leaves, or the failure it reports, for one line. */
    private static String picocli(List<String> line) throws Exception {
        ServeCommand command = new ServeCommand(Map.of());
        try {
            new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(line.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return "error: " + e.getMessage();
        }
        return fields(command);
    }

    private static String fields(ServeCommand command) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : options()) {
            values.put(f.getName(), f.get(command));
        }
        return values.toString();
    }

    @Test
    void everyLineTheFastPathAcceptsGivesPicocliFields() throws Exception {
        int accepted = 0;
        int tried = 0;
        for (List<String> line : lines()) {
            tried++;
            ServeCommand fast = ServeFastPath.parse(line.toArray(String[]::new), Map.of());
            if (fast == null) {
                continue;
            }
            accepted++;
            assertThat(fields(fast)).as("fields for %s", line).isEqualTo(picocli(line));
        }
        assertThat(tried).isGreaterThan(500);
        assertThat(accepted).as("lines the fast path took").isGreaterThan(tried / 4);
    }

    @Test
    void theTableListsExactlyTheAnnotatedOptions() {
        Map<String, String> annotated = new LinkedHashMap<>();
        java.util.Set<String> negatable = new java.util.HashSet<>();
        for (Field f : options()) {
            Option o = f.getAnnotation(Option.class);
            for (String name : o.names()) {
                annotated.put(name, f.getName());
                if (o.negatable()) {
                    negatable.add(name);
                }
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (String[] row : ServeFastPath.OPTIONS) {
            table.put(row[0], row[1]);
        }
        assertThat(table).isEqualTo(annotated);
        assertThat(ServeFastPath.NEGATABLE).isEqualTo(negatable);
    }

    @Test
    void everyOptionWithAPlainValueTakesTheFastPath() {
        for (Field f : options()) {
            String name = f.getAnnotation(Option.class).names()[0];
            String[] line = f.getType() == Boolean.class
                    ? new String[] {name}
                    : new String[] {name, f.getType() == Integer.class ? "5" : "x"};
            assertThat(ServeFastPath.parse(line, Map.of())).as(name).isNotNull();
        }
    }

    @Test
    void theEverydayLinesTakeTheFastPath() {
        for (String line : List.of(
                "",
                "--demo",
                "--port 0 --data /tmp/x --no-access-log",
                "--port=8765 --host 0.0.0.0 --db jdbc:postgresql://db:5432/belfry?user=u",
                "--test-mode --fixtures chime-fixtures.yaml --create-account-type EnterpriseLWA --port 0",
                "--tls-cert c.pem --tls-key k.pem --tls-port 8443 --log-format json --trust-proxy")) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            assertThat(ServeFastPath.parse(args, Map.of())).as(line).isNotNull();
        }
    }

    @Test
    void helpVersionAndUnknownOptionsAreLeftToPicocli() {
        for (String arg : List.of("--help", "-h", "--version", "-V", "--nope", "positional", "@file")) {
            assertThat(ServeFastPath.parse(new String[] {"--port", "0", arg}, Map.of()))
                    .as(arg)
                    .isNull();
        }
    }
}
