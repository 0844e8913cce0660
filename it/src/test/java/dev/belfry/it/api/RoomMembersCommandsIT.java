package dev.belfry.it.api;

import static dev.belfry.it.reliability.AdminCommandIT.belfry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.reliability.AdminCommandIT;
import dev.belfry.it.reliability.AdminCommandIT.Run;
import dev.belfry.it.support.RunningServer;
import dev.belfry.it.support.ServerProcess;
import dev.belfry.model.JsonTree;
import dev.belfry.testsupport.RequiredTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * `belfry rooms add-members | sync-members` and `belfry audit` (issue 16, D80–D85) against a real server, as child
 * processes: more than 50 members in one command (one call per 50, errors merged), a run SIGKILLed halfway and
 * resumed without re-sending a finished batch, the progress bar on a terminal (tmux) and lines without one, and a
 * sync whose dry-run plan is what it then applies, audited change by change. Calls are counted at the server, by
 * the request ids of its audit trail.
 */
class RoomMembersCommandsIT {
    static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";

    record Fixture(RunningServer server, String account, String room, List<String> users) {}

    static Fixture fixture(RunningServer server, int users) {
        ChimeClient c = server.client();
        String account = Api.account(c, "Members").accountId();
        String room = Api.room(c, account, "all-hands").roomId();
        List<String> ids = IntStream.range(0, users)
                .parallel()
                .mapToObj(i -> Api.user(c, account, "m" + i + "x" + room.substring(0, 8))
                        .userId())
                .collect(Collectors.toList());
        return new Fixture(server, account, room, ids);
    }

    static List<String> room(Fixture f, String... more) {
        List<String> args = new ArrayList<>(List.of("--account-id", f.account(), "--room-id", f.room()));
        args.addAll(List.of(more));
        args.addAll(List.of("--endpoint-url", f.server().url()));
        return args;
    }

    static Run rooms(Map<String, String> env, String command, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("rooms", command));
        all.addAll(args);
        return belfry(env, all.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> audit(Map<String, String> env, Fixture f) throws Exception {
        Run run = belfry(
                env,
                "audit",
                "--room-id",
                f.room(),
                "--ndjson",
                "--endpoint-url",
                f.server().url());
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                out.add((Map<String, Object>) JsonTree.read(line));
            }
        }
        return out;
    }

    /** The BatchCreateRoomMembership calls the server took: one request id per call that added someone. */
    static Map<String, Set<String>> batchCalls(List<Map<String, Object>> events) {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (Map<String, Object> e : events) {
            if ("BatchCreateRoomMembership".equals(e.get("Operation"))) {
                calls.computeIfAbsent((String) e.get("RequestId"), k -> new HashSet<>())
                        .add((String) e.get("MemberId"));
            }
        }
        return calls;
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneHundredTwentyMembersInThreeCallsWithTheirErrorsMerged() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = Api.enterprise()) {
            Fixture f = fixture(server, 118);
            List<String> ids = new ArrayList<>(f.users());
            ids.add(10, "no-such-member-1"); // in the first batch
            ids.add(110, "no-such-member-2"); // in the third
            Path list = Files.createTempFile("members", ".txt");
            Files.writeString(list, String.join("\n", ids) + "\n");

            Run run = rooms(env, "add-members", room(f, "--from", list.toString(), "--concurrency", "2"));
            assertThat(run.code()).as(run.err()).isZero();
            Map<String, Object> answer = (Map<String, Object>) JsonTree.read(run.out());
            assertThat((List<Map<String, Object>>) answer.get("Errors"))
                    .extracting(e -> e.get("MemberId") + " " + e.get("ErrorCode"))
                    .containsExactly("no-such-member-1 NotFound", "no-such-member-2 NotFound");
            // without a terminal: a plain line per batch
            assertThat(run.err().lines().filter(l -> l.contains("add-members: batch")))
                    .hasSize(3)
                    .anySatisfy(l -> assertThat(l).contains("batch 3/3 done, 120/120 members, 2 error(s)"));
            assertThat(Api.memberships(server.client(), f.account(), f.room())).hasSize(118);
            Map<String, Set<String>> calls = batchCalls(audit(env, f));
            assertThat(calls).hasSize(3);
            assertThat(calls.values()).extracting(Set::size).containsExactlyInAnyOrder(49, 50, 19);

            // --query and --output text over the merged answer; --fail-on-errors for scripts
            Run text = rooms(
                    env,
                    "add-members",
                    room(
                            f,
                            "--members",
                            "no-such-member-3",
                            f.users().get(0) + ":Administrator",
                            "--output",
                            "text",
                            "--query",
                            "Errors[].MemberId",
                            "--fail-on-errors",
                            "--no-progress"));
            assertThat(text.code()).isEqualTo(1);
            assertThat(text.out()).isEqualTo("no-such-member-3\n");
            assertThat(text.err()).isEmpty();

            // bad input: the CLI's message and 252, nothing sent
            Path bad = Files.createTempFile("members", ".csv");
            Files.writeString(bad, "member_id,role\n" + f.users().get(1) + ",Owner\n");
            Run refused = rooms(env, "add-members", room(f, "--from", bad.toString()));
            assertThat(refused.code()).isEqualTo(252);
            assertThat(refused.err()).contains("line 2: the role must be Administrator or Member, not \"Owner\"");
            Run noRoom = rooms(
                    env,
                    "add-members",
                    List.of(
                            "--account-id",
                            f.account(),
                            "--room-id",
                            "no-such-room",
                            "--members",
                            "x",
                            "--endpoint-url",
                            server.url()));
            assertThat(noRoom.code()).isEqualTo(254);
            assertThat(noRoom.err())
                    .contains("(NotFoundException) when calling the BatchCreateRoomMembership operation");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunKilledHalfwayResumesWithoutResendingAFinishedBatch() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = Api.enterprise()) {
            Fixture f = fixture(server, 500);
            Path list = Files.createTempFile("members", ".csv");
            Files.writeString(
                    list,
                    "member_id,role\n"
                            + f.users().stream().map(u -> u + ",Member").collect(Collectors.joining("\n")));
            Path checkpoint = Files.createTempDirectory("resume").resolve("run.json");
            List<String> command =
                    new ArrayList<>(List.of(JAVA, "-jar", ServerProcess.jar().toString(), "rooms", "add-members"));
            command.addAll(room(f, "--from", list.toString(), "--concurrency", "1", "--resume", checkpoint.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(Files.createTempFile("first-run", ".out").toFile());
            builder.environment().putAll(env);
            Process first = builder.start();
            Set<String> doneBeforeKill;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                doneBeforeKill = done(checkpoint);
                if (doneBeforeKill.size() >= 2 || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2);
            }
            first.destroyForcibly(); // SIGKILL
            first.waitFor(10, TimeUnit.SECONDS);
            doneBeforeKill = done(checkpoint); // what the killed run had recorded when it died
            assertThat(doneBeforeKill).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(10);

            Run resumed = rooms(
                    env,
                    "add-members",
                    room(f, "--from", list.toString(), "--concurrency", "3", "--resume", checkpoint.toString()));
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("already done (resumed)");
            assertThat((List<Object>) ((Map<String, Object>) JsonTree.read(resumed.out())).get("Errors"))
                    .isEmpty();
            assertThat(done(checkpoint)).hasSize(10);
            assertThat(Api.memberships(server.client(), f.account(), f.room())).hasSize(500);

            // counted at the server: a batch the checkpoint had was sent once; only one in flight at the kill may
            // have been sent twice (an add is an upsert)
            Map<String, Set<String>> calls = batchCalls(audit(env, f));
            Map<Integer, Integer> sentPerBatch = new HashMap<>();
            for (Set<String> members : calls.values()) {
                Set<Integer> batches =
                        members.stream().map(m -> f.users().indexOf(m) / 50).collect(Collectors.toSet());
                assertThat(batches).as("one call, one batch").hasSize(1);
                sentPerBatch.merge(batches.iterator().next(), 1, Integer::sum);
            }
            assertThat(sentPerBatch).hasSize(10);
            for (String finished : doneBeforeKill) {
                assertThat(sentPerBatch.get(Integer.parseInt(finished)))
                        .as("batch " + finished)
                        .isEqualTo(1);
            }
            assertThat(calls.size()).isLessThanOrEqualTo(11);

            // a checkpoint of another list is refused, not resumed
            Run other = rooms(
                    env, "add-members", room(f, "--members", f.users().get(0), "--resume", checkpoint.toString()));
            assertThat(other.code()).isEqualTo(252);
            assertThat(other.err()).contains("was written for another member list");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> done(Path checkpoint) {
        try {
            if (!Files.exists(checkpoint)) {
                return Set.of();
            }
            Map<String, Object> json = (Map<String, Object>) JsonTree.read(Files.readString(checkpoint));
            return ((Map<String, Object>) json.get("DoneBatches")).keySet();
        } catch (Exception torn) {
            throw new AssertionError("the checkpoint must never be torn: " + torn.getMessage(), torn);
        }
    }

    @Test
    void theProgressBarOnATerminal() throws Exception {
        Path tmux = RequiredTools.tmux();
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = Api.enterprise()) {
            Fixture f = fixture(server, 120);
            Path dir = Files.createTempDirectory("tmux-members");
            Path list = dir.resolve("list.txt");
            Files.writeString(list, String.join("\n", f.users()));
            String session = "belfry-members-" + ProcessHandle.current().pid();
            String shell = "env " + envPrefix(env) + " '" + JAVA + "' -jar '" + ServerProcess.jar()
                    + "' rooms add-members " + quoted(room(f, "--from", list.toString())) + " > "
                    + dir.resolve("out.json") + "; echo $? > " + dir.resolve("rc") + "; sleep 30";
            exec(tmux.toString(), "new-session", "-d", "-s", session, "-x", "160", "-y", "20", shell);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(dir.resolve("rc")) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(Files.readString(dir.resolve("rc")).strip()).isEqualTo("0");
                String pane = exec(tmux.toString(), "capture-pane", "-p", "-t", session);
                // one bar redrawn in place: its last state, full, and no per-batch lines
                assertThat(pane)
                        .contains("add-members [" + "#".repeat(30) + "] 100% 120/120 members, 0 error(s)")
                        .doesNotContain("batch 1/3");
                assertThat(Files.readString(dir.resolve("out.json"))).isEqualTo("{\n    \"Errors\": []\n}\n");
            } finally {
                exec(tmux.toString(), "kill-session", "-t", session);
            }
        }
    }

    private static String envPrefix(Map<String, String> env) {
        return env.entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining(" "));
    }

    private static String quoted(List<String> args) {
        return args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
    }

    private static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void syncAppliesItsDryRunPlanAndASecondRunChangesNothing() throws Exception {
        Map<String, String> env = AdminCommandIT.cliEnvironment();
        try (RunningServer server = Api.enterprise()) {
            Fixture f = fixture(server, 130);
            ChimeClient c = server.client();
            List<String> u = f.users();
            // the room now: u0..u99 Members, u100 an Administrator, and a bot
            Path start = Files.createTempFile("start", ".txt");
            Files.writeString(
                    start,
                    "member_id,role\n" + String.join(",\n", u.subList(0, 100)) + ",\n" + u.get(100)
                            + ",Administrator\n");
            assertThat(rooms(env, "add-members", room(f, "--from", start.toString()))
                            .code())
                    .isZero();
            String bot = Api.configuredBot(c, f.account(), "deploys").botId();
            c.createRoomMembership(
                    b -> b.accountId(f.account()).roomId(f.room()).memberId(bot));
            List<Map<String, Object>> before = audit(env, f);

            // desired: u0..u89 (u5 an Administrator), u100 without a role (keeps Administrator), u110..u129 new
            StringBuilder desired = new StringBuilder("[");
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                items.add("{\"MemberId\":\"" + u.get(i) + "\"" + (i == 5 ? ",\"Role\":\"Administrator\"" : "") + "}");
            }
            items.add("{\"MemberId\":\"" + u.get(100) + "\"}");
            for (int i = 110; i < 130; i++) {
                items.add("{\"MemberId\":\"" + u.get(i) + "\"}");
            }
            desired.append(String.join(",", items)).append("]");
            Path file = Files.createTempFile("desired", ".json");
            Files.writeString(file, desired);

            Run dry = rooms(env, "sync-members", room(f, "--from", file.toString(), "--dry-run"));
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.err()).contains("20 to add, 1 role change(s), 10 to remove");
            Map<String, Object> plan = (Map<String, Object>) JsonTree.read(dry.out());
            assertThat((List<Object>) plan.get("Add")).hasSize(20);
            assertThat((List<Object>) plan.get("Remove")).hasSize(10); // u90..u99; the bot stays
            assertThat(audit(env, f)).as("a dry run changes nothing").hasSize(before.size());

            Run applied = rooms(env, "sync-members", room(f, "--from", file.toString()));
            assertThat(applied.code()).as(applied.err()).isZero();
            assertThat(applied.err())
                    .startsWith("belfry rooms sync-members: 20 to add, 1 role change(s), 10 to remove");
            Map<String, Object> done = (Map<String, Object>) JsonTree.read(applied.out());
            assertThat((List<Object>) done.get("Errors")).isEmpty();
            done.remove("Errors");
            assertThat(done).isEqualTo(plan);

            Map<String, String> roles = DurabilityIT.roles(c, f.account(), f.room());
            assertThat(roles).hasSize(90 + 1 + 20 + 1).containsEntry(bot, "Member");
            assertThat(roles.get(u.get(5))).isEqualTo("Administrator");
            assertThat(roles.get(u.get(100))).isEqualTo("Administrator");
            assertThat(roles).doesNotContainKey(u.get(95));

            // the audit trail holds exactly the plan's changes, with their roles before and after
            List<Map<String, Object>> after = audit(env, f);
            List<String> changes = after.subList(before.size(), after.size()).stream()
                    .map(e -> e.get("Operation") + " " + e.get("MemberId") + " " + e.get("RoleBefore") + "->"
                            + e.get("RoleAfter"))
                    .toList();
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> a : (List<Map<String, Object>>) plan.get("Add")) {
                expected.add("BatchCreateRoomMembership " + a.get("MemberId") + " null->Member");
            }
            expected.add("UpdateRoomMembership " + u.get(5) + " Member->Administrator");
            for (int i = 90; i < 100; i++) {
                expected.add("DeleteRoomMembership " + u.get(i) + " Member->null");
            }
            assertThat(changes).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(after.get(after.size() - 1).get("SourceIp")).isEqualTo("127.0.0.1");
            assertThat(after.get(after.size() - 1).get("AccessKeyId")).isEqualTo("test");

            Run again = rooms(env, "sync-members", room(f, "--from", file.toString()));
            assertThat(again.code()).isZero();
            assertThat(again.err()).contains("nothing to do");
            assertThat(audit(env, f)).hasSize(after.size());
        }
    }
}
