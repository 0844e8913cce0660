package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.api.Api.Raw;
import dev.belfry.it.api.Api.Req;
import dev.belfry.it.api.Api.Wire;
import dev.belfry.it.support.RunningServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.ChimeException;
import software.amazon.awssdk.services.chime.model.NotFoundException;

/**
 * D19: requests that fail SigV4 are refused with the AWS-wide error types, and nothing changes. Each case takes a
 * correctly signed batch-create request (adding a new member) and breaks one thing about it.
 */
class SigV4RefusalsIT {
    static RunningServer server;
    static Raw raw;
    static String acct;
    static String room;
    static String member;
    static String newcomer;

    @BeforeAll
    static void start() throws Exception {
        server = Api.start(s -> s.withCredentialsFile(Api.twoTenantCredentials())
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA));
        raw = new Raw(server.url(), "a", "a");
        ChimeClient c = server.client("a", "a");
        acct = Api.account(c, "Signed").accountId();
        room = Api.room(c, acct, "r").roomId();
        member = Api.user(c, acct, "member").userId();
        newcomer = Api.user(c, acct, "newcomer").userId();
        c.createRoomMembership(b -> b.accountId(acct).roomId(room).memberId(member));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Req batch() {
        return new Req(
                "POST",
                "/accounts/" + acct + "/rooms/" + room + "/memberships?operation=batch-create",
                "{\"MembershipItemList\":[{\"MemberId\":\"" + newcomer + "\",\"Role\":\"Administrator\"},"
                        + "{\"MemberId\":\"" + member + "\",\"Role\":\"Administrator\"}]}");
    }

    static Req signed() {
        return raw.sign(batch());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "wrong secret",
                        (Function<Req, Req>) r -> new Raw(server.url(), "a", "wrong").sign(r),
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "unknown access key",
                        (Function<Req, Req>) r -> new Raw(server.url(), "nobody", "x").sign(r),
                        403,
                        "UnrecognizedClientException"),
                Arguments.of(
                        "body changed after signing",
                        (Function<Req, Req>) r -> {
                            raw.sign(r);
                            r.body = new String(r.body, StandardCharsets.UTF_8)
                                    .replace("Administrator", "Member")
                                    .getBytes(StandardCharsets.UTF_8);
                            return r;
                        },
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "a signed header is missing",
                        (Function<Req, Req>) r -> {
                            r.header("X-Amz-Meta-Extra", "1");
                            raw.sign(r);
                            return r.remove("X-Amz-Meta-Extra");
                        },
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "signed content-type changed",
                        (Function<Req, Req>) r -> raw.sign(r).set("Content-Type", "application/x-amz-json-1.1"),
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "stale date, 16 minutes old",
                        (Function<Req, Req>) r -> raw.sign(r, Instant.now().minus(Duration.ofMinutes(16))),
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "date 16 minutes ahead",
                        (Function<Req, Req>) r -> raw.sign(r, Instant.now().plus(Duration.ofMinutes(16))),
                        403,
                        "InvalidSignatureException"),
                Arguments.of(
                        "no Authorization header",
                        (Function<Req, Req>) r -> raw.sign(r).remove("Authorization"),
                        403,
                        "MissingAuthenticationTokenException"),
                Arguments.of(
                        "malformed Authorization",
                        (Function<Req, Req>)
                                r -> raw.sign(r).set("Authorization", "AWS4-HMAC-SHA256 Credential=a/garbage"),
                        400,
                        "IncompleteSignatureException"),
                Arguments.of(
                        "Authorization without Signature",
                        (Function<Req, Req>) r -> {
                            raw.sign(r);
                            String auth = r.get("Authorization");
                            return r.set("Authorization", auth.substring(0, auth.indexOf(", Signature=")));
                        },
                        400,
                        "IncompleteSignatureException"),
                Arguments.of(
                        "host not among the signed headers",
                        (Function<Req, Req>) r -> {
                            raw.sign(r);
                            return r.set(
                                    "Authorization",
                                    r.get("Authorization")
                                            .replace(
                                                    "SignedHeaders=content-type;host;", "SignedHeaders=content-type;"));
                        },
                        400,
                        "IncompleteSignatureException"),
                Arguments.of(
                        "no X-Amz-Date",
                        (Function<Req, Req>) r -> raw.sign(r).remove("X-Amz-Date"),
                        400,
                        "IncompleteSignatureException"),
                Arguments.of(
                        "another service in the scope",
                        (Function<Req, Req>) r -> raw.sign(r)
                                .set(
                                        "Authorization",
                                        raw.sign(r).get("Authorization").replace("/chime/", "/s3/")),
                        403,
                        "InvalidSignatureException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(String name, Function<Req, Req> breakIt, int status, String type) {
        Wire w = raw.send(breakIt.apply(batch()));
        w.assertApiError(status, type);
        assertMembershipsUnchanged();
    }

    @Test
    void aStaleDateSaysSignatureExpired() {
        Wire w = raw.send(raw.sign(batch(), Instant.now().minus(Duration.ofMinutes(16))));
        w.assertApiError(403, "InvalidSignatureException");
        assertThat(w.message()).contains("Signature expired");
        // 14 minutes off is within the allowed skew
        Req ok = raw.sign(
                new Req("GET", "/accounts/" + acct + "/rooms/" + room + "/memberships", null),
                Instant.now().minus(Duration.ofMinutes(14)));
        assertThat(raw.send(ok).status()).isEqualTo(200);
        assertMembershipsUnchanged();
    }

    @Test
    void aCapturedSignedRequestReplayedWithAnAlteredBodyIsRefused() {
        Req original = signed();
        Req replay = new Req(original.method, original.path + "?" + original.query, null);
        original.headers.forEach(h -> replay.header(h.getKey(), h.getValue()));
        replay.body =
                ("{\"MembershipItemList\":[{\"MemberId\":\"" + newcomer + "\"}]}").getBytes(StandardCharsets.UTF_8);
        raw.send(replay).assertApiError(403, "InvalidSignatureException");
        assertMembershipsUnchanged();
    }

    @Test
    void regionInTheScopeIsAcceptedWhateverItIs() {
        ChimeClient eu = software.amazon.awssdk.services.chime.ChimeClient.builder()
                .endpointOverride(java.net.URI.create(server.url()))
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "a")))
                .build();
        assertThat(eu.getRoom(b -> b.accountId(acct).roomId(room)).room().roomId())
                .isEqualTo(room);
    }

    @Test
    void theJavaSdkWithAWrongSecretGetsInvalidSignature() {
        ChimeClient wrong = server.client("a", "not-a");
        assertThatThrownBy(() -> wrong.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(room).membershipItemList(Api.item(newcomer, "Administrator"))))
                .isInstanceOfSatisfying(ChimeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                });
        assertMembershipsUnchanged();
    }

    @Test
    void anotherTenantsCredentialSeesNotFound() {
        ChimeClient other = server.client("b", "b");
        assertThatThrownBy(() -> other.getAccount(b -> b.accountId(acct))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(room).membershipItemList(Api.item(newcomer, "Administrator"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.listAccounts(b -> b.maxResults(10)).accounts()).isEmpty();
        assertMembershipsUnchanged();
    }

    static void assertMembershipsUnchanged() {
        var ms = Api.memberships(server.client("a", "a"), acct, room);
        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).member().memberId()).isEqualTo(member);
        assertThat(ms.get(0).roleAsString()).isEqualTo("Member");
    }
}
