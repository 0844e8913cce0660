package dev.belfry.it.api;

import static dev.belfry.it.api.Api.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Message;
import dev.belfry.rooms.Page;
import dev.belfry.rooms.Webhook;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.ops.WebhookOperations;
import dev.belfry.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MemberType;
import software.amazon.awssdk.services.chime.model.RoomMembership;

/**
 * Incoming webhooks on a real server (issue 14, D70–D75): the posts of 13 real integrations, sent by the libraries
 * they use (it/src/test/resources/api/webhook_integrations.py: http.client, urllib, urllib3, requests), each checked
 * as the integration checks it; the 1 TPS pace; the webhook in ListRoomMemberships through the AWS SDK; and a
 * redacted message gone from the database's files, on SQLite and on PostgreSQL.
 */
class IncomingWebhooksIT {
    static RunningServer server;
    static StoreConfig store;
    static ChimeClient chime;
    static String account;

    @BeforeAll
    static void start() throws Exception {
        store = Databases.forSuite();
        server = RunningServer.start(ServerSettings.defaults(store)
                .withPort(0)
                .withCreateAccountType(dev.belfry.rooms.Enums.AccountType.EnterpriseLWA));
        chime = server.client();
        account = Api.account(chime, "Webhooks").accountId();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Webhook.WithToken webhook(String room, String name) {
        return server.server().domain().webhooks().create(OPERATOR, account, room, name);
    }

    static String url(Webhook.WithToken w) {
        return WebhookOperations.url(server.url(), w.webhook().webhookId(), w.token());
    }

    static List<Message> messages(String room) {
        List<Message> out = new ArrayList<>();
        String token = null;
        do {
            Page<Message> page =
                    server.server().domain().messages().list(OPERATOR, account, room, null, false, 100, token);
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void realIntegrationsPostUnchangedAndGetWhatTheyCheck() throws Exception {
        String room = Api.room(chime, account, "integrations").roomId();
        // one URL per case: each webhook takes one post a second, and a room holds ten webhooks
        List<String> rooms = List.of(
                room,
                Api.room(chime, account, "integrations 2").roomId(),
                Api.room(chime, account, "integrations 3").roomId());
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String r = rooms.get(i / 10);
            pairs.add("[\"" + url(webhook(r, "hook " + i)) + "\",\"" + r + "\"]");
        }
        Boto3Script.Result result =
                Boto3Script.run("/api/webhook_integrations.py", "[" + String.join(",", pairs) + "]");
        Map<String, Object> sent = (Map<String, Object>) result.output().get("messages");
        Map<String, String> stored = new HashMap<>();
        for (String r : rooms) {
            messages(r).forEach(m -> stored.put(m.messageId(), m.content()));
        }
        assertThat(sent).as(result.diagnostics()).hasSizeGreaterThanOrEqualTo(23);
        sent.forEach((id, content) ->
                assertThat(stored.get(id)).as("message %s as stored", id).isEqualTo(content));
        assertThat(result.checks())
                .contains(
                        "njs-no-content-type",
                        "airflow-requests-json",
                        "opensearch-text-plain",
                        "pandas-urllib-form-urlencoded",
                        "pychime-extra-key",
                        "content-4096-bytes",
                        "content-4097-bytes-is-413",
                        "ten-posts-one-webhook",
                        "ten-webhooks-same-second");
    }

    @Test
    void aWebhookIsListedAsAMemberAndItsMessagesCarryItsName() throws Exception {
        String room = Api.room(chime, account, "roster").roomId();
        Webhook.WithToken w = webhook(room, "Nightly build");
        List<RoomMembership> roster = Api.memberships(chime, account, room);
        assertThat(roster).singleElement().satisfies(m -> {
            assertThat(m.member().memberType()).isEqualTo(MemberType.WEBHOOK);
            assertThat(m.member().memberId()).isEqualTo(w.webhook().webhookId());
            assertThat(m.member().fullName()).isEqualTo("Nightly build");
            assertThat(m.member().accountId()).isEqualTo(account);
            assertThat(m.role().toString()).isEqualTo("Member");
        });
        HttpResponse<String> r = post(url(w), "{\"Content\":\"green\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(messages(room)).singleElement().satisfies(m -> {
            assertThat(m.sender().fullName()).isEqualTo("Nightly build");
            assertThat(m.content()).isEqualTo("green");
        });
        // DeleteRoomMembership of the webhook deletes it: its URL answers 404 from then on
        chime.deleteRoomMembership(
                b -> b.accountId(account).roomId(room).memberId(w.webhook().webhookId()));
        Thread.sleep(1_000);
        HttpResponse<String> gone = post(url(w), "{\"Content\":\"late\"}");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("\"Message\"");
        assertThat(messages(room)).hasSize(1);
    }

    @Test
    void aRedactedMessageLeavesNoCopyInTheDatabaseFiles() throws Exception {
        String room = Api.room(chime, account, "redact").roomId();
        Webhook.WithToken w = webhook(room, "leaky");
        String secret = "ZQX-" + java.util.UUID.randomUUID() + "-password hunter2";
        String big = secret + " " + randomText(3_000); // an overflow page on SQLite, TOAST on PostgreSQL
        HttpResponse<String> r = post(url(w), "{\"Content\":\"" + big + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String messageId = r.body().replaceAll(".*\"MessageId\":\"([^\"]+)\".*", "$1");
        assertThat(filesContain(secret))
                .as("the content is on disk before redaction")
                .isTrue();

        chime.redactRoomMessage(b -> b.accountId(account).roomId(room).messageId(messageId));

        assertThat(messages(room)).singleElement().satisfies(m -> {
            assertThat(m.redacted()).isTrue();
            assertThat(m.content()).isNull();
        });
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (filesContain(secret) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(filesContain(secret))
                .as("a copy of the redacted content is left on disk")
                .isFalse();
    }

    /** Whether the database's files hold {@code text}: SQLite's file and log, or PostgreSQL's heap and TOAST files. */
    static boolean filesContain(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        if (store.jdbcUrl() == null) {
            files.add(store.dataDir().resolve("belfry.db"));
            files.add(store.dataDir().resolve("belfry.db-wal"));
        } else {
            try (Connection c = DriverManager.getConnection(store.jdbcUrl());
                    Statement s = c.createStatement()) {
                s.execute("CHECKPOINT"); // dirty buffers to the files
                try (ResultSet rs = s.executeQuery("SELECT current_setting('data_directory'),"
                        + " pg_relation_filepath('room_messages'::regclass),"
                        + " pg_relation_filepath((SELECT reltoastrelid FROM pg_class WHERE oid ="
                        + " 'room_messages'::regclass))")) {
                    rs.next();
                    Path data = Path.of(rs.getString(1));
                    files.add(data.resolve(rs.getString(2)));
                    files.add(data.resolve(rs.getString(3)));
                }
            }
        }
        for (Path f : files) {
            if (Files.exists(f) && indexOf(Files.readAllBytes(f), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Text PostgreSQL cannot compress away, so the content sits in its TOAST table as written. */
    static String randomText(int n) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
