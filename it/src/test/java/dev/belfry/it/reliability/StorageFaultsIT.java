package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The disk under the data directory fills up, or turns read-only, while the server runs (a real ext4 file system
 * on a loop device, {@link LoopFileSystem}). Writes must answer 503, which SDKs retry, never 500 and never a 201
 * that is not kept; the log must say what an operator should do, once, not once per request; and when the space
 * comes back, writes must succeed again without a restart, with every acknowledged write still there afterwards.
 */
class StorageFaultsIT {
    private static final Pattern USER_ID = Pattern.compile("\"UserId\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void aFullDiskIs503ThatSaysSoOnceAndWritesResumeWhenSpaceIsFreed() throws Exception {
        RequiredTools.require(LoopFileSystem.available(), "root with loop devices and mkfs.ext4");
        try (LoopFileSystem fs = LoopFileSystem.create(48)) {
            Path data = fs.mountPoint().resolve("data");
            List<String> args = List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA");
            Set<String> acknowledged = new HashSet<>();
            TreeMap<Integer, Integer> statuses = new TreeMap<>();
            String account;
            String fullAnswer = null;
            ServerProcess server = LoadFixtures.start(new ArrayList<>(args));
            try {
                account = createAccount(server.port());
                for (int i = 0; i < 20; i++) { // the disk has room: all of these are written
                    assertThat(createUser(server.port(), account, "before" + i, acknowledged))
                            .isEqualTo(201);
                }
                Path filler = fs.mountPoint().resolve("filler");
                fs.fill(filler);
                int logLinesBefore = lines(server.output());

                // Until the database has to grow, SQLite reuses pages it already has: keep writing until it must.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                int fullAnswers = 0;
                int requests = 0;
                for (int i = 0; fullAnswers < 50 && System.nanoTime() < deadline; i++) {
                    Http.Response r = createUserResponse(server.port(), account, "during" + i);
                    requests++;
                    statuses.merge(r.status(), 1, Integer::sum);
                    if (r.status() == 201) {
                        acknowledged.add(userId(r.text()));
                    } else if (r.status() == 503) {
                        fullAnswers++;
                        fullAnswer = r.text();
                    }
                }
                // 201 while SQLite still reuses free pages, if it has any; 503 once it must grow; nothing else
                assertThat(statuses.keySet())
                        .as("answers on a full disk: %s", statuses)
                        .isSubsetOf(201, 503);
                assertThat(fullAnswers)
                        .as("answers on a full disk: %s", statuses)
                        .isEqualTo(50);
                assertThat(fullAnswer).contains("ServiceUnavailable").contains("storage is full");

                String during = tail(server.output(), logLinesBefore);
                assertThat(during)
                        .as("the operator is told what is wrong")
                        .contains("the disk holding the database is full");
                assertThat(count(during, "error request_id="))
                        .as("the cause is logged once a minute per kind of failure, not per request:%n%s", during)
                        .isLessThanOrEqualTo(3);
                assertThat(count(during, "\tat "))
                        .as("no stack trace for a known fault:%n%s", during)
                        .isZero();
                assertThat(count(during, "access request_id="))
                        .as("one access line per request")
                        .isEqualTo(requests);

                // Space is back: the next writes succeed, without a restart.
                Files.delete(filler);
                int status = 0;
                for (int i = 0; i < 100 && status != 201; i++) {
                    status = createUser(server.port(), account, "after" + i, acknowledged);
                    if (status != 201) {
                        assertThat(status).isEqualTo(503);
                        Thread.sleep(100);
                    }
                }
                assertThat(status).as("a write after space was freed").isEqualTo(201);
                assertThat(server.terminate())
                        .as("a clean stop after the fault")
                        .isZero();
            } finally {
                server.kill();
            }
            assertThat(userIds(data.resolve(StoreConfig.SQLITE_FILE)))
                    .as("every acknowledged user is stored (%d of them; answers %s)", acknowledged.size(), statuses)
                    .containsAll(acknowledged);
        }
    }

    @Test
    void aFileSystemThatTurnsReadOnlyIs503ForWritesWhileReadsAndHealthStillAnswer() throws Exception {
        RequiredTools.require(LoopFileSystem.available(), "root with loop devices and mkfs.ext4");
        try (LoopFileSystem fs = LoopFileSystem.create(48)) {
            Path data = fs.mountPoint().resolve("data");
            List<String> args = List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA");
            Set<String> acknowledged = new HashSet<>();
            ServerProcess server = LoadFixtures.start(new ArrayList<>(args));
            try {
                String account = createAccount(server.port());
                for (int i = 0; i < 20; i++) {
                    assertThat(createUser(server.port(), account, "before" + i, acknowledged))
                            .isEqualTo(201);
                }
                fs.sync();
                fs.failWithRemountReadOnly();
                int logLinesBefore = lines(server.output());
                TreeMap<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < 60; i++) {
                    int status = createUser(server.port(), account, "during" + i, acknowledged);
                    statuses.merge(status, 1, Integer::sum);
                }
                assertThat(statuses).as("writes on a read-only file system").containsOnlyKeys(503);
                Http.Response list = Http.send(
                        server.port(),
                        Http.signedRaw(
                                server.port(), "GET", "/accounts/" + account + "/users", new byte[0], "test", "test"));
                assertThat(list.status())
                        .as("reads still answer: %s", list.text())
                        .isEqualTo(200);
                for (String id : acknowledged) {
                    assertThat(list.text()).contains(id);
                }
                Http.Response health = Http.send(
                        server.port(),
                        new Http.Raw("GET", "/_belfry/health", List.of(Http.h("Host", "127.0.0.1")), new byte[0]));
                assertThat(health.status()).isEqualTo(200);
                Thread.sleep(2 * 250 + 200); // a few checkpoint periods
                String during = tail(server.output(), logLinesBefore);
                assertThat(count(during, "error request_id="))
                        .as("the cause is logged once a minute per kind of failure, not per request:%n%s", during)
                        .isBetween(1, 3);
                assertThat(count(during, "checkpoints of "))
                        .as("a checkpoint failure is said at most once:%n%s", during)
                        .isLessThanOrEqualTo(1);
                assertThat(count(during, "\tat "))
                        .as("no stack trace for a known fault:%n%s", during)
                        .isZero();
            } finally {
                server.kill();
            }
        }
    }

    private static String createAccount(int port) throws Exception {
        Http.Response r = Http.send(
                port,
                Http.signedRaw(
                        port,
                        "POST",
                        "/accounts",
                        "{\"Name\":\"disk\"}".getBytes(StandardCharsets.UTF_8),
                        "test",
                        "test"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Matcher m = Pattern.compile("\"AccountId\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static int createUser(int port, String account, String name, Set<String> acknowledged) throws Exception {
        Http.Response r = createUserResponse(port, account, name);
        if (r.status() == 201) {
            acknowledged.add(userId(r.text()));
        }
        return r.status();
    }

    /** Long names, so each user takes a good part of a page and the database must grow soon. */
    private static Http.Response createUserResponse(int port, String account, String name) throws Exception {
        String padded = name + "-" + "x".repeat(400);
        String body =
                "{\"Username\":\"" + padded + "\",\"Email\":\"" + name + "@example.com\",\"UserType\":\"PrivateUser\"}";
        return Http.send(
                port,
                Http.signedRaw(
                        port,
                        "POST",
                        "/accounts/" + account + "/users?operation=create",
                        body.getBytes(StandardCharsets.UTF_8),
                        "test",
                        "test"));
    }

    private static String userId(String body) {
        Matcher m = USER_ID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static Set<String> userIds(Path db) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT user_id FROM users")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private static int lines(String text) {
        return text.split("\n", -1).length - 1;
    }

    private static String tail(String text, int fromLine) {
        String[] all = text.split("\n", -1);
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.min(fromLine, all.length), all.length));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
