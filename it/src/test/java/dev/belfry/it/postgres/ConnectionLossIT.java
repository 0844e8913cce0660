package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * PostgreSQL connections killed while transactions are in flight (pg_terminate_backend on every Belfry backend,
 * again and again): a request caught by it must answer 503 ServiceUnavailable, which SDKs retry, never 500. The
 * rollback on the dead connection used to fail too and replace the real error.
 */
class ConnectionLossIT {
    @Test
    void aConnectionLostMidTransactionIs503NeverA500() throws Exception {
        String url = Databases.freshPostgresUrl();
        try (ServerProcess server = PgServers.serve(url, "--create-account-type", "EnterpriseLWA");
                ChimeClient chime = PgServers.client(server.url());
                Connection admin = PgServers.sql(url)) {
            String account = chime.createAccount(b -> b.name("loss")).account().accountId();
            List<String> rooms = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                rooms.add(chime.createRoom(b -> b.accountId(account).name("room " + n))
                        .room()
                        .roomId());
            }
            List<MembershipItem> items = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                String user = chime.createUser(b -> b.accountId(account)
                                .username("u" + n)
                                .email("u" + n + "@example.com")
                                .userType(UserType.PRIVATE_USER))
                        .user()
                        .userId();
                items.add(MembershipItem.builder().memberId(user).build());
            }
            Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (String room : rooms) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        int status;
                        try {
                            chime.batchCreateRoomMembership(
                                    b -> b.accountId(account).roomId(room).membershipItemList(items));
                            status = 201;
                        } catch (SdkServiceException e) {
                            status = e.statusCode();
                        }
                        statuses.merge(status, 1, Integer::sum);
                    }
                });
                t.start();
                clients.add(t);
            }
            int killed = 0;
            try (Statement s = admin.createStatement()) {
                for (int round = 0; round < 40; round++) {
                    Thread.sleep(50);
                    try (var rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE application_name = 'belfry' AND pid <> pg_backend_pid()")) {
                        rs.next();
                        killed += rs.getInt(1);
                    }
                }
            }
            stop.set(true);
            for (Thread t : clients) {
                t.join(60_000);
            }
            System.out.printf(
                    "ConnectionLossIT: %d backends terminated under load; answers by status %s%n", killed, statuses);
            assertThat(killed).as("backends terminated").isGreaterThan(10);
            assertThat(statuses).as("answers by status").containsKey(201).doesNotContainKey(500);
            assertThat(statuses.keySet()).as("only successes and 503s").isSubsetOf(201, 503);
            // and the server is still there, with its pool refilled
            assertThat(chime.getAccount(b -> b.accountId(account)).account().accountId())
                    .isEqualTo(account);
        }
    }
}
