package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import dev.belfry.testsupport.RequiredTools;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * A power cut, as near as a test can make one: the data directory is an ext4 file system on a loop device, and
 * while four clients add members, the file system is shut down without flushing its journal ({@code
 * EXT4_IOC_SHUTDOWN} with {@code EXT4_GOING_FLAGS_NOLOGFLUSH}): whatever had not reached the device is gone, as
 * after a power loss, which a SIGKILL cannot show (the page cache survives it). After a fresh mount every
 * membership acknowledged before the cut must be there, over 10 runs ({@code -Dbelfry.powercut.runs=N} for more).
 * Needs root and loop devices ({@link LoopFileSystem}); CI has both.
 *
 * <p>Why "before the cut": a power cut is an instant, and nothing is acknowledged after it. The ioctl is not: it sets
 * the shutdown flag, then aborts the journal and writes the journal's superblock, which took 0.5–1.4 s here. An
 * fsync that began before the flag can return success during that time although the journal transaction holding
 * its file's new size was aborted, not written (jbd2 treats a transaction the abort has retired as committed), so
 * the last commit or two answered during the ioctl may be missing afterwards. SQLite alone shows the same, with no
 * Belfry code involved ({@code it/src/test/scripts/power-cut-sqlite-alone.sh}: 3 of 40 cuts lost the last commit,
 * each answered 400–850 ms into the ioctl; none answered before it began was ever missing). Those answers are
 * counted and reported, not asserted on; every answer received before the ioctl began must survive.
 */
class PowerCutIT {
    static final int RUNS = Integer.getInteger("belfry.powercut.runs", 10);
    static final int CLIENTS = 4;

    @Test
    void noAcknowledgedMembershipIsLostToAPowerCut() throws Exception {
        RequiredTools.require(LoopFileSystem.available(), "root with loop devices and mkfs.ext4");
        int acknowledgedInAll = 0;
        int answeredInTheCut = 0;
        int lostInTheCut = 0;
        long cutMillis = 0;
        for (int run = 0; run < RUNS; run++) {
            try (LoopFileSystem fs = LoopFileSystem.create(96)) {
                Path data = fs.mountPoint().resolve("data");
                List<String> args = List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA");
                ServerProcess server = LoadFixtures.start(new ArrayList<>(args));
                Map<String, Long> acked = new ConcurrentHashMap<>(); // membership -> when its answer came
                long cutStart = 0;
                long cutEnd = 0;
                try {
                    LoadFixtures.Seed seed;
                    try (ChimeClient c = LoadFixtures.client(server.url(), "test", "test")) {
                        seed = LoadFixtures.seed(c, 10, 200);
                    }
                    fs.sync(); // the seed is on the device: what follows is what a cut may take
                    AtomicBoolean stop = new AtomicBoolean();
                    AtomicInteger next = new AtomicInteger();
                    List<Thread> clients = new ArrayList<>();
                    for (int t = 0; t < CLIENTS; t++) {
                        Thread thread = new Thread(() -> addMembers(server.port(), seed, next, stop, acked));
                        thread.start();
                        clients.add(thread);
                    }
                    Thread.sleep(400 + 50L * run);
                    cutStart = System.nanoTime();
                    fs.cutPower();
                    cutEnd = System.nanoTime();
                    stop.set(true);
                    server.kill();
                    for (Thread thread : clients) {
                        thread.join(30_000);
                    }
                } finally {
                    server.kill();
                }
                fs.remount();
                Set<String> present = memberships(data.resolve(StoreConfig.SQLITE_FILE));
                long cut = cutStart;
                Map<String, Long> lost = new TreeMap<>();
                int inTheCut = 0;
                for (Map.Entry<String, Long> ack : acked.entrySet()) {
                    if (ack.getValue() >= cut) {
                        inTheCut++; // answered while the cut was under way: see the class comment
                        lostInTheCut += present.contains(ack.getKey()) ? 0 : 1;
                    } else if (!present.contains(ack.getKey())) {
                        lost.put(ack.getKey(), (cut - ack.getValue()) / 1_000_000);
                    }
                }
                assertThat(acked.size() - inTheCut)
                        .as("run %d: the load ran", run)
                        .isPositive();
                assertThat(lost)
                        .as(
                                "run %d: memberships acknowledged before the cut (%d of them) missing after it, with how"
                                        + " many ms before the cut each was acknowledged",
                                run, acked.size() - inTheCut)
                        .isEmpty();
                acknowledgedInAll += acked.size() - inTheCut;
                answeredInTheCut += inTheCut;
                cutMillis += (cutEnd - cutStart) / 1_000_000;
            }
        }
        System.out.printf(
                "PowerCutIT: %d power cuts, %d memberships acknowledged before them, none lost; %d answered while"
                        + " the ioctl ran (%d ms in all), %d of those missing%n",
                RUNS, acknowledgedInAll, answeredInTheCut, cutMillis, lostInTheCut);
    }

    /** One member per request (each acknowledgement is one commit), until stopped. */
    private static void addMembers(
            int port, LoadFixtures.Seed seed, AtomicInteger next, AtomicBoolean stop, Map<String, Long> acked) {
        while (!stop.get()) {
            int n = next.getAndIncrement();
            if (n >= seed.rooms().size() * seed.users().size()) {
                return; // every pair added once: each acknowledgement is a new membership
            }
            String room = seed.rooms().get(n % seed.rooms().size());
            String user =
                    seed.users().get((n / seed.rooms().size()) % seed.users().size());
            String target = "/accounts/" + seed.account() + "/rooms/" + room + "/memberships?operation=batch-create";
            try {
                Http.Response r = Http.send(
                        port,
                        Http.signedRaw(port, "POST", target, LoadFixtures.batchBody(List.of(user)), "test", "test"));
                if (r.status() == 201 && LoadFixtures.failedMembers(r.text()).isEmpty()) {
                    acked.put(room + "|" + user, System.nanoTime());
                }
            } catch (IOException | RuntimeException e) {
                // cut off by the power cut or the kill: the outcome is unknown, so it is not counted
            }
        }
    }

    private static Set<String> memberships(Path db) throws Exception {
        Set<String> present = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT room_id, member_id FROM memberships")) {
            while (r.next()) {
                present.add(r.getString(1) + "|" + r.getString(2));
            }
        }
        return present;
    }
}
