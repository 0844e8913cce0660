package dev.belfry.cli.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.cli.json.PyJsonWriter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shorthand grammar, syntax only. Expected values were produced by running the AWS CLI's own
 * {@code awscli.shorthand.ShorthandParser} over the same inputs (json.dumps of the result, or the
 * error text with its caret).
 */
class ShorthandParserTest {
    record Case(String input, String json, String error) {
        @Override
        public String toString() {
            return input;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a=b", "{\"a\": \"b\"}", null),
                new Case("a=b,c=d", "{\"a\": \"b\", \"c\": \"d\"}", null),
                new Case("a=b,c", "{\"a\": [\"b\", \"c\"]}", null),
                new Case("a=b,c,d=e", "{\"a\": [\"b\", \"c\"], \"d\": \"e\"}", null),
                new Case("a=[b,c]", "{\"a\": [\"b\", \"c\"]}", null),
                new Case("a={b=c,d=e}", "{\"a\": {\"b\": \"c\", \"d\": \"e\"}}", null),
                new Case("a='x,y'", "{\"a\": \"x,y\"}", null),
                new Case("a=\"x,y\"", "{\"a\": \"x,y\"}", null),
                new Case("a=x\\,y", "{\"a\": \"x,y\"}", null),
                new Case("a= b ", "{\"a\": \"b\"}", null),
                new Case("a=[]", "{\"a\": []}", null),
                new Case("a={}", "{\"a\": {}}", null),
                new Case("a=[{b=c},{d=e}]", "{\"a\": [{\"b\": \"c\"}, {\"d\": \"e\"}]}", null),
                new Case("a=b c", "{\"a\": \"b c\"}", null),
                new Case("a=", "{\"a\": \"\"}", null),
                new Case("a=b,c=", "{\"a\": \"b\", \"c\": \"\"}", null),
                new Case("k.1/x:y#z=v", "{\"k.1/x:y#z\": \"v\"}", null),
                new Case("a='it\\'s'", "{\"a\": \"it's\"}", null),
                new Case("a=\"say \\\"hi\\\"\"", "{\"a\": \"say \\\"hi\\\"\"}", null),
                new Case("a=[b, c ,d]", "{\"a\": [\"b\", \"c\", \"d\"]}", null),
                new Case("a=b, c", "{\"a\": [\"b\", \"c\"]}", null),
                new Case("a={b=[c,d]}", "{\"a\": {\"b\": [\"c\", \"d\"]}}", null),
                new Case("a=\u00e9\u4e2d", "{\"a\": \"\\u00e9\\u4e2d\"}", null),
                new Case("a=b=c", "{\"a\": \"b=c\"}", null),
                new Case("a=-x", "{\"a\": \"-x\"}", null),
                new Case("a=[a b,c]", "{\"a\": [\"a b\", \"c\"]}", null),
                new Case("a=,", null, "Expected: '<second>', received: '<none>' for input:\na=,\n   ^"),
                new Case("a=b,,c=d", "{\"a\": \"b\", \"c\": \"d\"}", null),
                new Case("a", null, "Expected: '=', received: 'EOF' for input:\na\n ^"),
                new Case("=b", "{\"\": \"b\"}", null),
                new Case("a=b,", null, "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^"),
                new Case("a=[b", null, "Expected: ',', received: 'EOF' for input:\na=[b\n    ^"),
                new Case("a={b", null, "Expected: '=', received: 'EOF' for input:\na={b\n    ^"),
                new Case(
                        "a=b,c=d,c=e",
                        null,
                        "Second instance of key \"c\" encountered for input:\na=b,c=d,c=e\n        ^\nThis is often because there is a preceding \",\" instead of a space."),
                new Case("a='b", null, "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^"),
                new Case("a=[b,]x", null, "Expected: ',', received: 'x' for input:\na=[b,]x\n      ^"),
                new Case("a={b=c}x", null, "Expected: ',', received: 'x' for input:\na={b=c}x\n       ^"),
                new Case("a=b\nc", "{\"a\": \"b\\nc\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesLikeTheAwsCli(Case c) {
        if (c.error() == null) {
            assertThat(PyJsonWriter.compact(new ShorthandParser().parse(c.input())))
                    .isEqualTo(c.json());
        } else {
            assertThatThrownBy(() -> new ShorthandParser().parse(c.input())).hasMessage(c.error());
        }
    }
}
