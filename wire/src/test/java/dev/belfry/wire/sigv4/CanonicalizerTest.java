package dev.belfry.wire.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven edges of canonicalization that the AWS suite does not reach. */
class CanonicalizerTest {

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/accounts/a/rooms/room%201", "/accounts/a/rooms/room%25201"), // encoded again
                Arguments.of("", "/"),
                Arguments.of(null, "/"),
                Arguments.of("/", "/"),
                Arguments.of("/a//b/", "/a/b/"),
                Arguments.of("/a/./b/../c", "/a/c"),
                Arguments.of("/a/b/..", "/a"), // botocore drops the slash; so must we
                Arguments.of("/..", "/"),
                Arguments.of("/a%2Fb", "/a%252Fb"), // an encoded slash is data, never a separator
                Arguments.of("/café", "/caf%C3%A9"),
                Arguments.of("/a+b:c@d", "/a%2Bb%3Ac%40d"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paths")
    void canonicalUri(String rawPath, String expected) {
        assertThat(Canonicalizer.canonicalUri(rawPath)).isEqualTo(expected);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of("", ""),
                Arguments.of("operation=batch-create", "operation=batch-create"),
                Arguments.of("b=2&a=1", "a=1&b=2"),
                Arguments.of("a=2&a=10&a=1", "a=1&a=10&a=2"),
                Arguments.of("flag", "flag="),
                Arguments.of("a=x%20y", "a=x%20y"),
                Arguments.of("a=x%2fy", "a=x%2Fy"), // hex case normalized
                Arguments.of("a=%7E%41", "a=~A"), // unreserved decoded
                Arguments.of("a=b+c", "a=b%2Bc"), // RFC 3986: '+' is data
                Arguments.of("a=100%", "a=100%25"), // stray '%' kept literally
                Arguments.of("next-token=a/b=c", "next-token=a%2Fb%3Dc"),
                Arguments.of("x=1&&y=2", "x=1&y=2"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queries")
    void canonicalQuery(String rawQuery, String expected) {
        assertThat(Canonicalizer.canonicalQuery(rawQuery)).isEqualTo(expected);
    }

    static Stream<Arguments> headerValues() {
        return Stream.of(
                Arguments.of(List.of("  a   b  "), "x:a b\n"),
                Arguments.of(List.of("a\t\tb"), "x:a b\n"),
                Arguments.of(List.of("2", " 1 "), "x:2,1\n"),
                Arguments.of(List.of(""), "x:\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("headerValues")
    void canonicalHeaders(List<String> values, String expected) {
        List<Map.Entry<String, String>> headers =
                values.stream().map(v -> Map.entry("X", v)).toList();
        assertThat(Canonicalizer.canonicalHeaders(headers, List.of("x"))).isEqualTo(expected);
    }
}
