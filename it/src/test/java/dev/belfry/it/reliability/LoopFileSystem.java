package dev.belfry.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small ext4 file system in an image file on a loop device, mounted in a temporary directory: a data directory
 * that tests can fill, make read-only or cut off like a disk that lost power. Needs root, loop devices and
 * mkfs.ext4 (CI has all three; {@link #available()} says whether this machine has).
 */
final class LoopFileSystem implements AutoCloseable {
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

    static LoopFileSystem create(int megabytes) throws Exception {
        Path image = Files.createTempFile("belfry-loopfs", ".img");
        Path mountPoint = Files.createTempDirectory("belfry-loopfs");
        check(run("truncate", "-s", megabytes + "M", image.toString()), "truncate");
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

    /**
     * Writes {@code file} until the file system has no space left (root may use the blocks ext4 reserves, and the
     * server runs as the same user, so they are filled too). Returns the bytes written.
     */
    long fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        // the last partial block: fill byte by byte-ish so not even one page is free for a new WAL frame
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] small = new byte[512];
            while (true) {
                out.write(small);
                out.flush();
                written += small.length;
            }
        } catch (IOException full) {
            // full now
        }
        return written;
    }

    /** EXT4_IOC_SHUTDOWN (_IOR('X', 125, __u32)) with EXT4_GOING_FLAGS_NOLOGFLUSH (2): a power cut, as near as can be. */
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

    /**
     * What ext4 does when it finds an error on the device (mounted {@code errors=remount-ro}): it turns read-only at
     * once, files open for writing included, which {@code mount -o remount,ro} refuses to do. Triggered through
     * ext4's own sysfs switch, so it is the kernel's real error path.
     */
    void failWithRemountReadOnly() throws Exception {
        Process p = new ProcessBuilder("findmnt", "-n", "-o", "SOURCE", mountPoint.toString()).start();
        String device = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        Path trigger = Path.of("/sys/fs/ext4", Path.of(device).getFileName().toString(), "trigger_fs_error");
        Files.writeString(trigger, "belfry test: the device failed\n");
    }

    /** Unmounts and mounts again: what a restart after a power cut sees (the journal is replayed). */
    void remount() throws Exception {
        check(run("umount", mountPoint.toString()), "umount");
        mount();
    }

    private void mount() throws Exception {
        check(run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString()), "mount");
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
