package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.model.JsonTree;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed example, scripted with the real AWS CLI v2 (/usr/bin/aws; the `aws` on PATH may be v1): create-account
 * on an Enterprise-by-default server (D2) → create-user ×2 → create-room → batch-create-room-membership with the
 * seed's shorthand → list-room-memberships; the output has the seed page's shape and exit codes are 0 / 254.
 */
class AwsCliSeedIT {
    static Path aws;
    static RunningServer server;
    static Path home;

    record Run(int exit, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return (Map<String, Object>) JsonTree.read(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        aws = RequiredTools.awsCliV2();
        server = RunningServer.enterprise(Databases.forSuite());
        home = Files.createTempDirectory("aws-home");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Run aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws.toString(), "chime"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", server.url(), "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        Path err = Files.createTempFile(home, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("aws %s finished", String.join(" ", args))
                .isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    static Run ok(String... args) throws Exception {
        Run r = aws(args);
        assertThat(r.exit())
                .as("aws chime %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err())
                .isZero();
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeedExampleEndToEnd() throws Exception {
        Map<String, Object> account =
                obj(ok("create-account", "--name", "seed").json().get("Account"));
        assertThat(account.get("AccountType")).isEqualTo("EnterpriseLWA");
        String acct = (String) account.get("AccountId");
        String u1 = (String)
                obj(ok("create-user", "--account-id", acct, "--email", "alice@example.com", "--username", "alice")
                                .json()
                                .get("User"))
                        .get("UserId");
        String u2 =
                (String) obj(ok("create-user", "--account-id", acct, "--email", "bob@example.com", "--username", "bob")
                                .json()
                                .get("User"))
                        .get("UserId");
        Map<String, Object> room = obj(ok("create-room", "--account-id", acct, "--name", "chatRoom")
                .json()
                .get("Room"));
        String roomId = (String) room.get("RoomId");
        // the CLI v2 reformats timestamps (cli_timestamp_format iso8601): still ISO-8601, milliseconds kept
        assertThat((String) room.get("CreatedTimestamp"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}.*");

        Run batch = ok(
                "batch-create-room-membership",
                "--account-id",
                acct,
                "--room-id",
                roomId,
                "--membership-item-list",
                "MemberId=" + u1 + ",Role=Administrator",
                "MemberId=" + u2 + ",Role=Member");
        Map<String, Object> out = batch.json();
        // the seed page's shape: ResponseMetadata kept (the CLI keeps it when "Errors" is present), then Errors: []
        assertThat(out).containsOnlyKeys("ResponseMetadata", "Errors");
        assertThat((List<Object>) out.get("Errors")).isEmpty();
        Map<String, Object> meta = obj(out.get("ResponseMetadata"));
        assertThat(meta).containsKeys("RequestId", "HTTPStatusCode", "HTTPHeaders", "RetryAttempts");
        assertThat(meta.get("HTTPStatusCode")).isEqualTo(201);
        assertThat(meta.get("RetryAttempts")).isEqualTo(0);
        assertThat((String) meta.get("RequestId")).matches(Api.UUID);
        Map<String, Object> headers = obj(meta.get("HTTPHeaders"));
        assertThat(headers)
                .containsEntry("x-amzn-requestid", meta.get("RequestId"))
                .containsEntry("content-type", "application/json")
                .containsEntry("content-length", "13")
                .containsKey("date");

        Map<String, Object> list = ok("list-room-memberships", "--account-id", acct, "--room-id", roomId)
                .json();
        assertThat(list).doesNotContainKey("ResponseMetadata");
        List<Map<String, Object>> ms = (List<Map<String, Object>>) list.get("RoomMemberships");
        assertThat(ms).hasSize(2);
        Map<String, String> roles = new java.util.HashMap<>();
        for (Map<String, Object> m : ms) {
            Map<String, Object> member = obj(m.get("Member"));
            assertThat(member).containsKeys("MemberId", "MemberType", "Email", "AccountId");
            assertThat(member.get("MemberType")).isEqualTo("User");
            assertThat(m.get("RoomId")).isEqualTo(roomId);
            assertThat(m.get("InvitedBy")).isEqualTo("arn:aws:iam::000000000000:user/test");
            assertThat((String) m.get("UpdatedTimestamp"))
                    .startsWith(((String) room.get("CreatedTimestamp")).substring(0, 4));
            roles.put((String) member.get("MemberId"), (String) m.get("Role"));
        }
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(u1, "Administrator", u2, "Member"));

        // service errors: exit code 254 and the exception name on stderr
        Run missing = aws("get-room", "--account-id", acct, "--room-id", "0a0b0c0d-0000-4000-8000-000000000000");
        assertThat(missing.exit()).as(missing.err()).isEqualTo(254);
        assertThat(missing.err()).contains("NotFoundException").contains("GetRoom");
    }
}
