package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.ServedOperations;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.ServiceModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * The jar rebuilt under a server that {@code ./belfry serve} started (D39). The rebuild is done as maven-shade does
 * it: the same file truncated and written again, here with every entry stored instead of deflated so that no entry
 * stays where the running JVM last saw it. Afterwards every served operation, an admin command and the metrics
 * endpoint must still answer. The checkout is a copy of the launcher beside {@code app/target/belfry.jar}, which the
 * launcher takes as up to date, so this test never starts a build.
 */
class RebuildWhileServingIT {
    static final ServiceModel MODEL = ServiceModel.chime();

    @Test
    void aServerKeepsAnsweringAfterItsJarIsRebuiltInPlace() throws Exception {
        Path checkout = Files.createTempDirectory("belfry-checkout");
        Path launcher = checkout.resolve("belfry");
        Files.copy(Path.of("../belfry"), launcher);
        Path jar = Files.createDirectories(checkout.resolve("app/target")).resolve("belfry.jar");
        Files.copy(ServerProcess.jar(), jar);
        int port = ServerProcess.freePort();
        Path log = Files.createTempFile("belfry-rebuild", ".log");
        Process server = new ProcessBuilder(
                        launcher.toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data",
                        Databases.tempDir("belfry-rebuild").toString(),
                        "--create-account-type",
                        "EnterpriseLWA")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitBanner(server, log, Duration.ofSeconds(120)); // the first start trains the class archive

            repackInPlace(jar);

            String url = "http://127.0.0.1:" + port;
            Map<String, String> ids = seed(url);
            List<String> failures = new ArrayList<>();
            for (String op : servedOperations()) {
                String target = MODEL.operation(op).requestUri();
                for (Map.Entry<String, String> id : ids.entrySet()) {
                    target = target.replace("{" + id.getKey() + "}", id.getValue());
                }
                String body = served.withBody().contains(op) ? served.minimalBody(op, ids::get) : "";
                Http.Response r = Http.send(
                        port,
                        Http.signedRaw(
                                port,
                                MODEL.operation(op).httpMethod(),
                                target,
                                body.getBytes(StandardCharsets.UTF_8),
                                "test",
                                "test"));
                if (r.status() >= 500) {
                    failures.add(op + " " + r);
                }
            }
            assertThat(failures).as("operations that failed after the rebuild").isEmpty();

            ProcessBuilder admin = new ProcessBuilder(
                            launcher.toString(),
                            "admin",
                            "create-account",
                            "--name",
                            "after the rebuild",
                            "--type",
                            "EnterpriseOIDC",
                            "--endpoint-url",
                            url)
                    .redirectErrorStream(true);
            admin.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            // belfry admin takes its credentials as belfry chime does, with no test/test fallback (D35)
            admin.environment().put("AWS_ACCESS_KEY_ID", "test");
            admin.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            Process adminRun = admin.start();
            adminRun.getOutputStream().close();
            String adminOut = ServerProcess.readAll(adminRun);
            assertThat(adminRun.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(adminRun.exitValue()).as(adminOut).isZero();
            assertThat(adminOut).contains("EnterpriseOIDC");

            Http.Response metrics = Http.exchange(
                    port,
                    "GET /_belfry/metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("CreateAccount");
            assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ZipException");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static ServedOperations served;

    /** Every operation the server implements, from its own operation table. */
    private static List<String> servedOperations() throws Exception {
        try (RunningServer probe = RunningServer.start(Databases.freshSqlite())) {
            served = new ServedOperations(probe.server(), MODEL);
            return probe.server().operationNames().stream()
                    .filter(MODEL::hasOperation)
                    .sorted()
                    .toList();
        }
    }

    /** An account with a user, a bot, a room and a membership; the ids by path label and by member name. */
    private static Map<String, String> seed(String url) {
        try (ChimeClient c = LoadFixtures.client(url, "test", "test")) {
            String account = c.createAccount(b -> b.name("rebuilt")).account().accountId();
            String user = c.createUser(b -> b.accountId(account)
                            .username("u")
                            .email("u@example.com")
                            .userType(UserType.PRIVATE_USER))
                    .user()
                    .userId();
            String bot = c.createBot(b -> b.accountId(account).displayName("b").domain("example.com"))
                    .bot()
                    .botId();
            String room =
                    c.createRoom(b -> b.accountId(account).name("r")).room().roomId();
            c.batchCreateRoomMembership(b -> b.accountId(account)
                    .roomId(room)
                    .membershipItemList(MembershipItem.builder().memberId(user).build()));
            return Map.of(
                    "accountId",
                    account,
                    "roomId",
                    room,
                    "userId",
                    user,
                    "botId",
                    bot,
                    "memberId",
                    user,
                    "MemberId",
                    user,
                    "UserId",
                    user,
                    "AccountId",
                    account,
                    "RoomId",
                    room);
        }
    }

    /** Rewrites the jar's bytes in the same file (same inode), as maven-shade does, with a different layout. */
    private static void repackInPlace(Path jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(0);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray(), StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static void awaitBanner(Process server, Path log, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains("serving the Amazon Chime chat-room API at")) {
                return;
            }
            assertThat(server.isAlive()).as(out).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("./belfry serve did not start: " + Files.readString(log));
    }
}
