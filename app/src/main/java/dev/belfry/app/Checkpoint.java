package dev.belfry.app;

import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.cli.json.PyJsonWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code add-members --resume FILE} (D82): which batches of this exact list, account and room have finished, and the
 * per-member errors each answered. Rewritten after every finished batch by writing a temporary file, forcing it to
 * disk, renaming it over the old one and forcing the directory, so a run killed at any moment leaves either the old
 * or the new checkpoint, never a torn one. A batch in flight when the run died is not in it and is sent again (an
 * add is an upsert, D8). Thread-safe.
 */
final class Checkpoint {
    private final Path file;
    private final String fingerprint;
    private final Map<Integer, List<Map<String, Object>>> done;

    private Checkpoint(Path file, String fingerprint, Map<Integer, List<Map<String, Object>>> done) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.done = done;
    }

    /** What identifies a run: the account, the room, the batch size and every entry in order. */
    static String fingerprint(String accountId, String roomId, int batchSize, List<MemberList.Entry> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : List.of(accountId, roomId, Integer.toString(batchSize))) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (MemberList.Entry e : entries) {
                sha.update((e.memberId() + "\u0001" + e.role()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checkpoint in {@code file}, or a new empty one when there is none. One written for another list, account or
     * room is refused: resuming it would skip batches this run never sent.
     */
    static Checkpoint open(Path file, String fingerprint) throws IOException {
        if (!Files.exists(file)) {
            return new Checkpoint(file, fingerprint, new TreeMap<>());
        }
        Map<?, ?> read;
        try {
            read = PyJsonReader.read(Files.readString(file, StandardCharsets.UTF_8)) instanceof Map<?, ?> m ? m : null;
        } catch (PyJsonException | IOException e) {
            read = null;
        }
        if (read == null) {
            throw new IllegalArgumentException("--resume " + file + " is not a checkpoint of belfry rooms add-members");
        }
        if (!fingerprint.equals(read.get("Fingerprint"))) {
            throw new IllegalArgumentException("--resume " + file + " was written for another member list, account or"
                    + " room; remove it or name another file to start over");
        }
        Map<Integer, List<Map<String, Object>>> done = new TreeMap<>();
        Object batches = read.get("DoneBatches");
        if (batches instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> errors = (List<Map<String, Object>>) e.getValue();
                done.put(Integer.valueOf(e.getKey().toString()), errors);
            }
        }
        return new Checkpoint(file, fingerprint, done);
    }

    static Checkpoint none(String fingerprint) {
        return new Checkpoint(null, fingerprint, new TreeMap<>());
    }

    synchronized boolean isDone(int batch) {
        return done.containsKey(batch);
    }

    synchronized Map<Integer, List<Map<String, Object>>> done() {
        return new TreeMap<>(done);
    }

    /** Records a finished batch and its errors, durably before returning. */
    synchronized void finished(int batch, List<Map<String, Object>> errors) throws IOException {
        done.put(batch, errors);
        if (file == null) {
            return;
        }
        Map<String, Object> batches = new LinkedHashMap<>();
        done.forEach((index, list) -> batches.put(Integer.toString(index), list));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Fingerprint", fingerprint);
        out.put("DoneBatches", batches);
        byte[] bytes = (PyJsonWriter.pretty(out) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself survives a power cut
        } catch (IOException notOnThisSystem) {
            // some systems cannot open a directory; the rename is still atomic
        }
    }
}
