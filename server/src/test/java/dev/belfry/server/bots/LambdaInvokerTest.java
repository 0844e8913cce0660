package dev.belfry.server.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** How an invocation is addressed and what its client context holds (D111, D112); the wire itself: BotEventsLambdaIT. */
class LambdaInvokerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String ARN = "arn:aws:lambda:eu-west-1:111122223333:function:chime-bot:prod";

    @Test
    void theRegionalEndpointComesFromTheArnsPartitionAndRegion() {
        assertThat(LambdaInvoker.awsEndpoint(ARN)).isEqualTo(URI.create("https://lambda.eu-west-1.amazonaws.com"));
        assertThat(LambdaInvoker.awsEndpoint("arn:aws-cn:lambda:cn-north-1:111122223333:function:f"))
                .isEqualTo(URI.create("https://lambda.cn-north-1.amazonaws.com.cn"));
        assertThat(LambdaInvoker.region(ARN)).isEqualTo("eu-west-1");
    }

    @Test
    void theClientContextCarriesTheSignatureAtTheTopAndUnderCustom() {
        String json = new String(
                Base64.getDecoder().decode(LambdaInvoker.clientContext("c2ln", "2026-03-01T09:00:00.000Z", "e-1")),
                StandardCharsets.UTF_8);
        String keys = "\"Chime-Signature\":\"c2ln\",\"Chime-Request-Timestamp\":\"2026-03-01T09:00:00.000Z\","
                + "\"Belfry-Event-Id\":\"e-1\"";
        assertThat(json).isEqualTo("{" + keys + ",\"custom\":{" + keys + "}}");
    }

    @Test
    void anInvocationIsSignedForLambdaInTheArnsRegionAtTheConfiguredEndpoint() {
        LambdaInvoker invoker = new LambdaInvoker(
                URI.create("http://127.0.0.1:9001/base/"),
                () -> new AwsKeys("AKID", "secret", "token"),
                Duration.ofSeconds(10),
                CLOCK);
        HttpRequest r = invoker.request(ARN, "RequestResponse", new byte[] {'{', '}'}, "Y3R4");
        assertThat(r.uri().toString())
                .isEqualTo("http://127.0.0.1:9001/base/2015-03-31/functions/"
                        + "arn%3Aaws%3Alambda%3Aeu-west-1%3A111122223333%3Afunction%3Achime-bot%3Aprod/invocations");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers().firstValue("X-Amz-Invocation-Type")).hasValue("RequestResponse");
        assertThat(r.headers().firstValue("X-Amz-Client-Context")).hasValue("Y3R4");
        assertThat(r.headers().firstValue("X-Amz-Date")).hasValue("20260301T090000Z");
        assertThat(r.headers().firstValue("X-Amz-Security-Token")).hasValue("token");
        assertThat(r.headers().firstValue("Authorization").orElseThrow())
                .matches("AWS4-HMAC-SHA256 Credential=AKID/20260301/eu-west-1/lambda/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-client-context;x-amz-date;x-amz-invocation-type;"
                        + "x-amz-security-token, Signature=[0-9a-f]{64}");
        assertThat(r.timeout()).hasValue(Duration.ofSeconds(10));
    }

    @Test
    void withoutCredentialsNothingIsSentAndTheReasonSaysWhatToSet() {
        LambdaInvoker invoker = new LambdaInvoker(null, () -> null, Duration.ofSeconds(10), CLOCK);
        assertThatThrownBy(() -> invoker.request(ARN, "DryRun", new byte[0], null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no AWS credentials")
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }
}
