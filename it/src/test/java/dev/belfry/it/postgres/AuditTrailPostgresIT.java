package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT;
import dev.belfry.it.reliability.AdminCommandIT.Run;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.JsonTree;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.BatchCreateRoomMembershipResponse;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * The audit trail under two servers on one PostgreSQL database, one of them SIGKILLed in the middle of a stream of
 * membership changes (issue 16, D83, D85): every acknowledged change has exactly one record, with its request id;
 * a rejected change has none; a change whose answer the kill lost may have one or none, never two; and no record is
 * readable by another tenant.
 */
class AuditTrailPostgresIT {
    private static final String ALICE = "111111111111";

    static ChimeClient client(String endpoint, String key) {
        return ChimeClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, key)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneRecordPerAcknowledgedChangeNoneForARejectedOneAndNoneForAnotherTenant() throws Exception {
        String url = Databases.freshPostgresUrl();
        Path creds = Files.createTempFile("belfry-creds", ".json");
        Files.writeString(
                creds,
                "{\"credentials\":[{\"accessKeyId\":\"a\",\"secretAccessKey\":\"a\",\"tenant\":\"" + ALICE + "\"},"
                        + "{\"accessKeyId\":\"b\",\"secretAccessKey\":\"b\",\"tenant\":\"222222222222\"}]}");
        String[] extra = {"--credentials", creds.toString(), "--create-account-type", "EnterpriseLWA"};
        // request id -> how many records it must have (acknowledged), or 0 (rejected)
        Map<String, Integer> expected = new ConcurrentHashMap<>();
        Set<String> lost = ConcurrentHashMap.newKeySet(); // sent, answer lost to the kill
        String account;
        String room;
        try (ServerProcess first = PgServers.serve(url, extra);
                ServerProcess second = PgServers.serve(url, extra)) {
            ChimeClient setup = client(first.url(), "a");
            account = setup.createAccount(b -> b.name("audited")).account().accountId();
            room = setup.createRoom(b -> b.accountId(account).name("ops"))
                    .room()
                    .roomId();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                users.add(setup.createUser(b -> b.accountId(account)
                                .username("u" + n)
                                .email("u" + n + "@audit.example")
                                .userType(UserType.PRIVATE_USER))
                        .user()
                        .userId());
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                List<String> mine = new ArrayList<>(users.subList(t * 8, t * 8 + 8));
                ChimeClient viaFirst = client(first.url(), "a");
                ChimeClient viaSecond = client(second.url(), "a");
                int seed = t;
                workers.add(new Thread(() -> {
                    Map<String, Integer> step = new HashMap<>(); // 0 out, 1 Member, 2 Administrator
                    for (int i = seed; !stop.get() && !mine.isEmpty(); i++) {
                        ChimeClient c = i % 2 == 0 ? viaFirst : viaSecond;
                        String member = mine.get(i % mine.size());
                        int state = step.getOrDefault(member, 0);
                        String id = null;
                        try {
                            if (i % 7 == 0) { // rejected: no such member
                                id = "rejected";
                                try {
                                    c.createRoomMembership(b ->
                                            b.accountId(account).roomId(room).memberId("nobody"));
                                } catch (AwsServiceException e) {
                                    expected.put(e.requestId(), 0);
                                }
                                continue;
                            }
                            if (state == 0 && i % 3 == 0) {
                                BatchCreateRoomMembershipResponse r =
                                        c.batchCreateRoomMembership(b -> b.accountId(account)
                                                .roomId(room)
                                                .membershipItemList(
                                                        MembershipItem.builder()
                                                                .memberId(member)
                                                                .build(),
                                                        MembershipItem.builder()
                                                                .memberId("nobody")
                                                                .build()));
                                expected.put(r.responseMetadata().requestId(), 1);
                            } else if (state == 0) {
                                expected.put(
                                        c.createRoomMembership(b -> b.accountId(account)
                                                        .roomId(room)
                                                        .memberId(member))
                                                .responseMetadata()
                                                .requestId(),
                                        1);
                            } else if (state == 1) {
                                expected.put(
                                        c.updateRoomMembership(b -> b.accountId(account)
                                                        .roomId(room)
                                                        .memberId(member)
                                                        .role("Administrator"))
                                                .responseMetadata()
                                                .requestId(),
                                        1);
                            } else {
                                expected.put(
                                        c.deleteRoomMembership(b -> b.accountId(account)
                                                        .roomId(room)
                                                        .memberId(member))
                                                .responseMetadata()
                                                .requestId(),
                                        1);
                            }
                            step.put(member, (state + 1) % 3);
                        } catch (RuntimeException e) {
                            // the server died under this call: its outcome is unknown, so the member is retired
                            lost.add(member);
                            mine.remove(member);
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            Thread.sleep(2_500);
            first.kill(); // SIGKILL
            Thread.sleep(1_500);
            stop.set(true);
            for (Thread w : workers) {
                w.join(30_000);
            }
            assertThat(expected.values().stream().filter(n -> n == 1).count()).isGreaterThan(30);
            assertThat(expected.containsValue(0)).isTrue();

            Map<String, String> env = AdminCommandIT.cliEnvironment();
            env.put("AWS_ACCESS_KEY_ID", "a");
            env.put("AWS_SECRET_ACCESS_KEY", "a");
            Run audit = AdminCommandIT.belfry(env, "audit", "--ndjson", "--endpoint-url", second.url());
            assertThat(audit.code()).as(audit.err()).isZero();
            Map<String, Integer> recorded = new HashMap<>();
            for (String line : audit.out().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> e = (Map<String, Object>) JsonTree.read(line);
                assertThat(e.get("AccountId")).isEqualTo(account);
                assertThat(e.get("AccessKeyId")).isEqualTo("a");
                recorded.merge((String) e.get("RequestId"), 1, Integer::sum);
            }
            expected.forEach((requestId, n) -> assertThat(recorded.getOrDefault(requestId, 0))
                    .as(requestId)
                    .isEqualTo(n));
            int unacknowledged = 0;
            for (Map.Entry<String, Integer> r : recorded.entrySet()) {
                if (!expected.containsKey(r.getKey())) {
                    assertThat(r.getValue())
                            .as("a change whose answer was lost")
                            .isEqualTo(1);
                    unacknowledged++;
                }
            }
            assertThat(unacknowledged).isLessThanOrEqualTo(lost.size());

            // another tenant reads nothing, whatever it filters by
            env.put("AWS_ACCESS_KEY_ID", "b");
            env.put("AWS_SECRET_ACCESS_KEY", "b");
            for (List<String> filter :
                    List.of(List.<String>of(), List.of("--account-id", account), List.of("--room-id", room))) {
                List<String> args = new ArrayList<>(List.of("audit", "--ndjson", "--endpoint-url", second.url()));
                args.addAll(filter);
                Run theirs = AdminCommandIT.belfry(env, args.toArray(String[]::new));
                assertThat(theirs.code()).as(theirs.err()).isZero();
                assertThat(theirs.out()).as("tenant b, " + filter).isEmpty();
            }
        }
    }
}
