package dev.belfry.cli.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** file:// and fileb:// loading, with ~ and $VAR expansion and the AWS CLI's error texts. */
class ParamFilesTest {
    @TempDir
    static Path home;

    record Case(Object value, Object expected, String error) {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    static Stream<Case> cases() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello\n");
        Files.write(home.resolve("b.bin"), new byte[] {1, 2, (byte) 0xff});
        Files.write(home.resolve("latin1.txt"), new byte[] {(byte) 0xe9});
        return Stream.of(
                new Case("plain", null, null),
                new Case("file://" + home + "/a.txt", "hello\n", null),
                new Case("file://~/a.txt", "hello\n", null),
                new Case("file://$DIR/a.txt", "hello\n", null),
                new Case("file://${DIR}/a.txt", "hello\n", null),
                new Case(List.of("file://" + home + "/a.txt"), "hello\n", null),
                new Case(List.of("file://" + home + "/a.txt", "x"), null, null),
                new Case("fileb://" + home + "/b.bin", new byte[] {1, 2, (byte) 0xff}, null),
                new Case(
                        "file://" + home + "/missing",
                        null,
                        "Error parsing parameter '--x': Unable to load paramfile file://" + home
                                + "/missing: [Errno 2] No such file or directory: '" + home + "/missing'"),
                new Case(
                        "file://" + home + "/latin1.txt",
                        null,
                        "Error parsing parameter '--x': Unable to load paramfile ("
                                + home
                                + "/latin1.txt), text contents could not be decoded.  If this is a binary file, please use the "
                                + "fileb:// prefix instead of the file:// prefix."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadsLikeTheAwsCli(Case c) {
        Map<String, String> env = Map.of("HOME", home.toString(), "DIR", home.toString());
        if (c.error() != null) {
            assertThatThrownBy(() -> ParamFiles.load(c.value(), env, "--x")).hasMessage(c.error());
        } else {
            assertThat(ParamFiles.load(c.value(), env, "--x")).isEqualTo(c.expected());
        }
    }
}
