package dev.belfry.wire.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the AWS SigV4 test suite (vendored into src/test/resources/sigv4-test-suite), one check per test method so that
 * a skipped check shows up as skipped with its reason rather than vanishing.
 */
class SigV4TestSuiteTest {

    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    private static final String SUITE_BUG = "suite inconsistency: its .sts/.authz/.sreq signature was computed over"
            + " 'Content-Type: application/x-www-form-urlencoded; charset=utf8' (no hyphen, no content-length;"
            + " reproduced by hashing), while its .req/.creq/.sreq carry 'charset=utf-8'. The .creq check still runs.";

    /** "case#check" → why that check cannot apply. Each entry must name an existing case (see below). */
    private static final Map<String, String> SKIPS = Map.of(
            "post-x-www-form-urlencoded-parameters#stringToSign", SUITE_BUG,
            "post-x-www-form-urlencoded-parameters#authorization", SUITE_BUG,
            "post-x-www-form-urlencoded-parameters#signedRequestVerifies", SUITE_BUG);

    static Stream<Arguments> cases() {
        return SuiteCases.caseFolders().stream().map(folder -> Arguments.of(SuiteCases.name(folder), folder));
    }

    @Test
    void suiteIsFoundAndComplete() {
        List<String> names =
                SuiteCases.caseFolders().stream().map(SuiteCases::name).toList();
        assertThat(names)
                .hasSizeGreaterThanOrEqualTo(30)
                .contains("get-vanilla", "normalize-path/get-space", "post-sts-token/post-sts-header-before");
        for (String key : SKIPS.keySet()) {
            assertThat(names).as("skip list entry %s", key).contains(key.substring(0, key.indexOf('#')));
        }
    }

    /** The .creq signs every header of the .req, as the suite does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalRequest(String name, Path folder) {
        skipIfListed(name, "canonicalRequest");
        SignableRequest request = SigV4RequestFile.parse(SuiteCases.read(folder, "req"));
        String canonical =
                Canonicalizer.canonicalRequest(request, allHeaderNames(request), Canonicalizer.payloadHash(request));
        assertThat(canonical).isEqualTo(SuiteCases.text(folder, "creq"));
    }

    /**
     * Signed over the headers the .authz names: in post-x-www-form-urlencoded the .creq was later extended with
     * content-length, but the .sts and .authz were not regenerated and still sign content-type;host;x-amz-date.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stringToSign(String name, Path folder) {
        skipIfListed(name, "stringToSign");
        assertThat(stringToSign(folder)).isEqualTo(SuiteCases.text(folder, "sts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void authorization(String name, Path folder) {
        skipIfListed(name, "authorization");
        AuthorizationHeader expected = AuthorizationHeader.parse(SuiteCases.text(folder, "authz"));
        byte[] key = Canonicalizer.signingKey(SuiteCases.SECRET, "20150830", SuiteCases.REGION, SuiteCases.SERVICE);
        String authorization = Canonicalizer.authorization(
                SuiteCases.ACCESS_KEY,
                expected.scope(),
                expected.signedHeaders(),
                Canonicalizer.signature(key, stringToSign(folder)));
        assertThat(authorization).isEqualTo(SuiteCases.text(folder, "authz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signedRequestVerifies(String name, Path folder) {
        skipIfListed(name, "signedRequestVerifies");
        SignableRequest signed = SigV4RequestFile.parse(SuiteCases.read(folder, "sreq"));
        SigV4Verifier verifier = new SigV4Verifier(SuiteCases.SERVICE, Duration.ofMinutes(15));
        String keyId =
                verifier.verify(signed, id -> id.equals(SuiteCases.ACCESS_KEY) ? SuiteCases.SECRET : null, SUITE_TIME);
        assertThat(keyId).isEqualTo(SuiteCases.ACCESS_KEY);
    }

    /**
     * SigV4Signer signs only host, content-type and x-amz-* headers; where the .req has exactly those, its output must
     * equal the suite's .authz. Other cases sign headers (my-header1, content-length) the signer deliberately skips.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signerMatchesSuite(String name, Path folder) {
        SignableRequest request = SigV4RequestFile.parse(SuiteCases.read(folder, "req"));
        Set<String> outsidePolicy = new TreeSet<>(allHeaderNames(request));
        outsidePolicy.removeIf(h -> h.equals("host") || h.equals("content-type") || h.startsWith("x-amz-"));
        assumeTrue(
                outsidePolicy.isEmpty(),
                "not applicable: the suite signs " + outsidePolicy + ", which SigV4Signer never signs by design");
        String token = Headers.first(request.headers(), "x-amz-security-token");
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.removeIf(
                h -> h.getKey().equalsIgnoreCase("x-amz-date") || h.getKey().equalsIgnoreCase("x-amz-security-token"));
        SignableRequest unsigned =
                new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
        Map<String, String> added = new SigV4Signer(SuiteCases.SERVICE, SuiteCases.REGION)
                .sign(unsigned, SuiteCases.ACCESS_KEY, SuiteCases.SECRET, token, SUITE_TIME);
        assertThat(added.get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(added.get("Authorization")).isEqualTo(SuiteCases.text(folder, "authz"));
    }

    private static String stringToSign(Path folder) {
        SignableRequest request = SigV4RequestFile.parse(SuiteCases.read(folder, "req"));
        List<String> signed =
                AuthorizationHeader.parse(SuiteCases.text(folder, "authz")).signedHeaders();
        String canonical = Canonicalizer.canonicalRequest(request, signed, Canonicalizer.payloadHash(request));
        return Canonicalizer.stringToSign(
                "20150830T123600Z", Canonicalizer.scope("20150830", SuiteCases.REGION, SuiteCases.SERVICE), canonical);
    }

    private static List<String> allHeaderNames(SignableRequest request) {
        TreeSet<String> names = new TreeSet<>();
        request.headers().forEach(h -> names.add(Headers.lower(h.getKey())));
        return List.copyOf(names);
    }

    private static void skipIfListed(String name, String check) {
        String reason = SKIPS.get(name + "#" + check);
        assumeTrue(reason == null, () -> "skipped: " + reason);
    }
}
