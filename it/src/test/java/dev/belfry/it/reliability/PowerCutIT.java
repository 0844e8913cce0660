package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.ServerProcess;
import dev.belfry.store.StoreConfig;
import dev.belfry.testsupport.RequiredTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * A power cut, as near as a test can make one: the data directory is an ext4 file system on a loop device, and
 * while four clients add members, the file system is shut down without flushing its journal ({@code
 * EXT4_IOC_SHUTDOWN} with {@code EXT4_GOING_FLAGS_NOLOGFLUSH}): whatever had not reached the device is gone, as
 * after a power loss, which a SIGKILL cannot show (the page cache survives it). After a fresh mount every
 * acknowledged membership must be there, over {@value #RUNS} runs. Needs root and loop devices; CI has both.
 */
class PowerCutIT {
    static final int RUNS = 10;
    static final int CLIENTS = 4;

    @Test
    void noAcknowledgedMembershipIsLostToAPowerCut() throws Exception {
        RequiredTools.require(LoopFileSystem.available(), "root with loop devices and mkfs.ext4");
        int acknowledgedInAll = 0;
        for (int run = 0; run < RUNS; run++) {
            try (LoopFileSystem fs = LoopFileSystem.create()) {
                Path data = fs.mountPoint().resolve("data");
                List<String> args = List.of("--data", data.toString(), "--create-account-type", "EnterpriseLWA");
                ServerProcess server = LoadFixtures.start(new ArrayList<>(args));
                Set<String> acked = Collections.synchronizedSet(new HashSet<>());
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
                    fs.cutPower();
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
                Set<String> lost = new HashSet<>(acked);
                lost.removeAll(present);
                assertThat(acked).as("run %d: the load ran", run).isNotEmpty();
                assertThat(lost)
                        .as("run %d: acknowledged memberships missing after the cut (of %d)", run, acked.size())
                        .isEmpty();
                acknowledgedInAll += acked.size();
            }
        }
        System.out.printf(
                "PowerCutIT: %d power cuts, %d acknowledged memberships, none lost%n", RUNS, acknowledgedInAll);
    }

    /** One member per request (each acknowledgement is one commit), until stopped. */
    private static void addMembers(
            int port, LoadFixtures.Seed seed, AtomicInteger next, AtomicBoolean stop, Set<String> acked) {
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
                    acked.add(room + "|" + user);
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

    /** A 96 MB ext4 image on a loop device, mounted in a temporary directory. */
    static final class LoopFileSystem implements AutoCloseable {
        private final Path image;
        private final Path mountPoint;

        private LoopFileSystem(Path image, Path mountPoint) {
            this.image = image;
            this.mountPoint = mountPoint;
        }

        static boolean available() {
            try {
                return "root".equals(System.getProperty("user.name"))
                        && Files.isExecutable(Path.of("/sbin/mkfs.ext4"))
                        && run("losetup", "-f") == 0;
            } catch (Exception e) {
                return false;
            }
        }

        static LoopFileSystem create() throws Exception {
            Path image = Files.createTempFile("belfry-powercut", ".img");
            Path mountPoint = Files.createTempDirectory("belfry-powercut");
            check(run("truncate", "-s", "96M", image.toString()), "truncate");
            check(run("mkfs.ext4", "-q", "-F", image.toString()), "mkfs.ext4");
            LoopFileSystem fs = new LoopFileSystem(image, mountPoint);
            fs.mount();
            return fs;
        }

        Path mountPoint() {
            return mountPoint;
        }

        void sync() throws Exception {
            check(run("sync", "-f", mountPoint.toString()), "sync");
        }

        /** EXT4_IOC_SHUTDOWN (_IOR('X', 125, __u32)) with EXT4_GOING_FLAGS_NOLOGFLUSH (2). */
        void cutPower() throws Exception {
            check(
                    run(
                            "python3",
                            "-c",
                            "import fcntl, os, struct, sys; fd = os.open(sys.argv[1], os.O_RDONLY);"
                                    + " fcntl.ioctl(fd, 0x8004587D, struct.pack('I', 2))",
                            mountPoint.toString()),
                    "EXT4_IOC_SHUTDOWN");
        }

        void remount() throws Exception {
            check(run("umount", mountPoint.toString()), "umount");
            mount();
        }

        private void mount() throws Exception {
            check(run("mount", "-o", "loop", image.toString(), mountPoint.toString()), "mount");
        }

        @Override
        public void close() throws Exception {
            run("umount", mountPoint.toString());
            Files.deleteIfExists(image);
            Files.deleteIfExists(mountPoint);
        }

        private static void check(int exit, String what) {
            assertThat(exit).as(what).isZero();
        }

        private static int run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        }
    }
}
