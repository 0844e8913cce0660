package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * The limits that are not per room (D9: rooms per account, bots per account, rooms per member) hold
 * when creates race on two servers sharing one PostgreSQL database: exactly the limit succeeds, the
 * rest get 400 ResourceLimitExceededException.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccountLimitsRaceIT {
    static final int RACERS = 16;
    ServerProcess a;
    ServerProcess b;
    String url;
    List<ChimeClient> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        url = Databases.freshPostgresUrl();
        String[] opts = {
            "--create-account-type",
            "EnterpriseLWA",
            "--max-rooms-per-account",
            "4",
            "--max-bots-per-account",
            "3",
            "--max-rooms-per-member",
            "3"
        };
        a = PgServers.serve(url, opts);
        b = PgServers.serve(url, opts);
        for (int i = 0; i < RACERS; i++) {
            clients.add(PgServers.client((i % 2 == 0 ? a : b).url()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        clients.forEach(ChimeClient::close);
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** Runs {@code RACERS} calls at once; returns how many succeeded, failing on anything but a limit error. */
    private int race(IntFunction<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int n = i;
            results.add(pool.submit((Callable<Boolean>) () -> {
                go.await();
                try {
                    call.apply(n);
                    return true;
                } catch (AwsServiceException e) {
                    assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceLimitExceededException");
                    return false;
                }
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        return ok;
    }

    @Test
    void racingCreateRoomAndCreateBotStopAtTheAccountLimits() throws Exception {
        for (int round = 0; round < 3; round++) {
            int r = round;
            String account = clients.get(0)
                    .createAccount(x -> x.name("limits " + r))
                    .account()
                    .accountId();
            int rooms = race(
                    n -> clients.get(n).createRoom(x -> x.accountId(account).name("room " + n)));
            int bots = race(n -> clients.get(n)
                    .createBot(x -> x.accountId(account).displayName("bot " + n).domain("example.com")));
            try (var c = PgServers.sql(url)) {
                assertThat(PgServers.count(c, "SELECT COUNT(*) FROM rooms WHERE account_id = '" + account + "'"))
                        .as("rooms in the account, round %d", round)
                        .isEqualTo(4);
                assertThat(PgServers.count(c, "SELECT COUNT(*) FROM bots WHERE account_id = '" + account + "'"))
                        .as("bots in the account, round %d", round)
                        .isEqualTo(3);
            }
            assertThat(rooms).isEqualTo(4);
            assertThat(bots).isEqualTo(3);
        }
    }

    @Test
    void racingAddsOfOneMemberToManyRoomsStopAtTheRoomsPerMemberLimit() throws Exception {
        ChimeClient admin = clients.get(0);
        String account =
                admin.createAccount(x -> x.name("member limit")).account().accountId();
        for (int round = 0; round < 3; round++) {
            int r = round;
            String user = admin.createUser(x -> x.accountId(account)
                            .username("busy" + r)
                            .email("busy" + r + "@example.com")
                            .userType(UserType.PRIVATE_USER))
                    .user()
                    .userId();
            List<String> rooms = new ArrayList<>();
            try (var c = PgServers.sql(url);
                    var s = c.createStatement()) {
                // more rooms than the account limit allows through the API: insert them directly
                for (int i = 0; i < RACERS; i++) {
                    String id = java.util.UUID.randomUUID().toString();
                    s.execute(
                            "INSERT INTO rooms (room_id, account_id, name, created_by, created_at, updated_at) VALUES ('"
                                    + id + "', '" + account + "', 'r" + i + "', null, " + (1000 + i) + ", " + (1000 + i)
                                    + ")");
                    rooms.add(id);
                }
            }
            int added = race(n -> clients.get(n)
                    .createRoomMembership(
                            x -> x.accountId(account).roomId(rooms.get(n)).memberId(user)));
            try (var c = PgServers.sql(url)) {
                assertThat(PgServers.count(c, "SELECT COUNT(*) FROM memberships WHERE member_id = '" + user + "'"))
                        .as("rooms of the member, round %d", round)
                        .isEqualTo(3);
            }
            assertThat(added).isEqualTo(3);
        }
    }
}
