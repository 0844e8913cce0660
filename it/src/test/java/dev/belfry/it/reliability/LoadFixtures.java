package dev.belfry.it.reliability;

import dev.belfry.it.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.UserType;

/** Fixtures for process-level tests: server processes tuned for quick start, and seeded accounts. */
final class LoadFixtures {
    private LoadFixtures() {}

    /** JVM flags for short-lived test servers: C1 only and the serial GC start faster on 2 cores. */
    static final Map<String, String> FAST_JVM = Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    /** Starts {@code belfry serve} from the jar this build packaged, tuned for a quick start. */
    static ServerProcess start(List<String> args) throws Exception {
        return ServerProcess.start(args, FAST_JVM);
    }

    static ChimeClient client(String url, String key, String secret) {
        return ChimeClient.builder()
                .endpointOverride(java.net.URI.create(url))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build();
    }

    record Seed(String account, List<String> rooms, List<String> users) {}

    static Seed seed(ChimeClient c, int rooms, int users) {
        String account = c.createAccount(b -> b.name("load")).account().accountId();
        List<String> roomIds = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            int n = i;
            roomIds.add(c.createRoom(b -> b.accountId(account).name("room " + n))
                    .room()
                    .roomId());
        }
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            userIds.add(c.createUser(b -> b.accountId(account)
                            .username("user" + n)
                            .email("user" + n + "@example.com")
                            .userType(UserType.PRIVATE_USER))
                    .user()
                    .userId());
        }
        return new Seed(account, roomIds, userIds);
    }

    static byte[] batchBody(List<String> members) {
        StringBuilder b = new StringBuilder("{\"MembershipItemList\":[");
        for (int i = 0; i < members.size(); i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"MemberId\":\"")
                    .append(members.get(i))
                    .append("\",\"Role\":\"Member\"}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern ERRORS = Pattern.compile("\"Errors\"\\s*:\\s*\\[(.*)\\]");

    /** The member ids a BatchCreateRoomMembership answer lists as failed. */
    static List<String> failedMembers(String body) {
        List<String> failed = new ArrayList<>();
        Matcher m = ERRORS.matcher(body);
        if (m.find()) {
            Matcher id = Pattern.compile("\"MemberId\"\\s*:\\s*\"([^\"]+)\"").matcher(m.group(1));
            while (id.find()) {
                failed.add(id.group(1));
            }
        }
        return failed;
    }
}
