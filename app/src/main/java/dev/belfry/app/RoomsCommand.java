package dev.belfry.app;

import dev.belfry.cli.CliException;
import dev.belfry.cli.ExtraOperation;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code belfry rooms add-members | sync-members}: room membership past the API's 50 members a call (issue 16). Both
 * send the Chime API's own operations (BatchCreateRoomMembership, ListRoomMemberships, UpdateRoomMembership,
 * DeleteRoomMembership) through the CLI's caller, so they read the same configuration and credentials as {@code
 * belfry chime}, print in its --output formats with --query, and exit with the AWS CLI's codes (D35, D80). The server
 * audits every change they make as it audits any call (D83).
 */
@Command(
        name = "belfry rooms",
        mixinStandardHelpOptions = true,
        versionProvider = VersionLine.class,
        subcommands = {RoomsCommand.AddMembers.class, RoomsCommand.SyncMembers.class},
        description = "Room membership at any size: add members in batches with progress and resume, or make a"
                + " room's members exactly a list.")
final class RoomsCommand implements Callable<Integer> {
    /** --fail-on-errors with per-member errors: the run finished, but not everyone is in (D80). */
    static final int MEMBER_ERRORS = 1;

    static final ServiceModel CHIME = ServiceModel.chime();

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new RoomsCommand());
        cli.setParameterExceptionHandler((e, given) -> ExtraOperation.usage(
                "belfry rooms: " + e.getMessage().strip() + " (belfry rooms "
                        + (e.getCommandLine().getParent() == null
                                ? ""
                                : e.getCommandLine().getCommandName() + " ")
                        + "--help shows the usage)",
                System.err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> ExtraOperation.report(e, System.out, System.err));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return AdminCommand.USAGE;
    }

    /** The room, and where the members come from. */
    static final class Target {
        @Option(names = "--account-id", required = true, description = "The Enterprise account's id.")
        String accountId;

        @Option(names = "--room-id", required = true, description = "The room's id.")
        String roomId;

        @Option(
                names = "--concurrency",
                defaultValue = "4",
                description = "Calls in flight at once (1-32, default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--no-progress", description = "No progress on stderr.")
        boolean noProgress;

        void check() {
            if (concurrency < 1 || concurrency > 32) {
                throw new IllegalArgumentException("--concurrency must be 1-32, was " + concurrency);
            }
        }

        BatchProgress progress(String what, String step, int items, int batches) {
            return new BatchProgress(
                    noProgress ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.err,
                    MigrateProgress.stderrIsTerminal(),
                    what,
                    step,
                    items,
                    batches);
        }
    }

    /** The member list, read before anything is sent: a bad line is a usage error (252) and nothing is sent. */
    static List<MemberList.Entry> members(List<String> words, Path file) {
        if ((words == null || words.isEmpty()) == (file == null)) {
            throw new IllegalArgumentException("give the members with either --members or --from FILE");
        }
        if (file == null) {
            return MemberList.ofWords(words);
        }
        String text;
        try {
            text = file.toString().equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --from " + file + ": " + e.getMessage());
        }
        try {
            return MemberList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from " + file + ": " + e.getMessage());
        }
    }

    @Command(
            name = "add-members",
            mixinStandardHelpOptions = true,
            description = "Add any number of members to a room as BatchCreateRoomMembership calls of 50. Per-member"
                    + " errors of every batch come back as one Errors list; exit 0 as the API's batch call, unless"
                    + " --fail-on-errors.")
    static final class AddMembers implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--members", arity = "1..*", paramLabel = "ID[:ROLE]", description = "Members to add.")
        List<String> members;

        @Option(
                names = "--from",
                paramLabel = "FILE",
                description = "CSV (member_id,role), JSON (a MembershipItemList) or one id per line; - for stdin.")
        Path from;

        @Option(
                names = "--resume",
                paramLabel = "FILE",
                description = "Checkpoint: finished batches are recorded here, and a run given the same file and"
                        + " list sends only the batches not yet finished.")
        Path resume;

        @Option(names = "--fail-on-errors", description = "Exit 1 when any member could not be added.")
        boolean failOnErrors;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            List<MemberList.Entry> entries;
            Checkpoint checkpoint;
            try {
                target.check();
                entries = members(members, from);
                String fingerprint =
                        Checkpoint.fingerprint(target.accountId, target.roomId, BatchRunner.BATCH, entries);
                checkpoint = resume == null ? Checkpoint.none(fingerprint) : Checkpoint.open(resume, fingerprint);
            } catch (IllegalArgumentException | IOException e) {
                return ExtraOperation.usage("belfry rooms add-members: " + e.getMessage(), System.err);
            }
            return ExtraOperation.session(
                    "rooms.add-members", globals.extra(), System.getenv(), System.out, System.err, () -> {}, s -> {
                        int batches = BatchRunner.batches(entries).size();
                        List<Map<String, Object>> errors = BatchRunner.run(
                                s,
                                target.accountId,
                                target.roomId,
                                entries,
                                target.concurrency,
                                checkpoint,
                                target.progress("add-members", "batch", entries.size(), batches));
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("Errors", errors);
                        s.print("BatchCreateRoomMembership", out);
                        return failOnErrors && !errors.isEmpty() ? MEMBER_ERRORS : 0;
                    });
        }
    }

    @Command(
            name = "sync-members",
            mixinStandardHelpOptions = true,
            description = "Make a room's members exactly the list: add who is missing, change roles that differ,"
                    + " remove User members not listed (bots and webhooks stay unless listed). The plan goes to"
                    + " stderr first; the answer is the plan and the Errors of applying it. A second run changes"
                    + " nothing.")
    static final class SyncMembers implements Callable<Integer> {
        private static final OperationModel LIST = CHIME.operation("ListRoomMemberships");
        private static final OperationModel UPDATE = CHIME.operation("UpdateRoomMembership");
        private static final OperationModel DELETE = CHIME.operation("DeleteRoomMembership");
        private static final Pattern SERVICE_ERROR = Pattern.compile(
                "An error occurred \\(([^)]*)\\) when calling the \\w+ operation[^:]*: (.*)", Pattern.DOTALL);

        @Mixin
        Target target;

        @Option(
                names = "--from",
                required = true,
                paramLabel = "FILE",
                description = "The desired members: CSV (member_id,role), JSON (a MembershipItemList) or one id per"
                        + " line; - for stdin. A member listed without a role keeps the one it has (new: Member).")
        Path from;

        @Option(names = "--dry-run", description = "Print the plan and change nothing.")
        boolean dryRun;

        @Option(names = "--keep-absent", description = "Remove no one: only add and change roles.")
        boolean keepAbsent;

        @Option(names = "--fail-on-errors", description = "Exit 1 when any change failed.")
        boolean failOnErrors;

        @Mixin
        AdminCommand.Globals globals;

        @Override
        public Integer call() {
            List<MemberList.Entry> desired;
            try {
                target.check();
                desired = members(null, from);
            } catch (IllegalArgumentException e) {
                return ExtraOperation.usage("belfry rooms sync-members: " + e.getMessage(), System.err);
            }
            return ExtraOperation.session(
                    "rooms.sync-members", globals.extra(), System.getenv(), System.out, System.err, () -> {}, s -> {
                        SyncPlan plan = SyncPlan.of(desired, current(s), keepAbsent);
                        describe(plan);
                        Map<String, Object> out = plan.view();
                        if (dryRun) {
                            s.print("SyncMembers", out);
                            return 0;
                        }
                        List<Map<String, Object>> errors = apply(s, plan);
                        out.put("Errors", errors);
                        s.print("SyncMembers", out);
                        return failOnErrors && !errors.isEmpty() ? MEMBER_ERRORS : 0;
                    });
        }

        /** The room's members now: every page of ListRoomMemberships. */
        @SuppressWarnings("unchecked")
        private List<SyncPlan.Current> current(ExtraOperation.Session s) {
            List<SyncPlan.Current> out = new ArrayList<>();
            String token = null;
            do {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("AccountId", target.accountId);
                params.put("RoomId", target.roomId);
                if (token != null) {
                    params.put("NextToken", token);
                }
                Map<String, Object> page = s.call(LIST, params);
                for (Object o : (List<Object>) page.getOrDefault("RoomMemberships", List.of())) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    Map<String, Object> member = (Map<String, Object>) m.get("Member");
                    out.add(new SyncPlan.Current(
                            (String) member.get("MemberId"), (String) member.get("MemberType"), (String)
                                    m.get("Role")));
                }
                token = (String) page.get("NextToken");
            } while (token != null);
            return out;
        }

        private static void describe(SyncPlan plan) {
            System.err.println("belfry rooms sync-members: " + plan.adds().size() + " to add, "
                    + plan.roleChanges().size() + " role change(s), "
                    + plan.removals().size() + " to remove"
                    + (plan.empty() ? ": nothing to do" : ""));
            plan.adds()
                    .forEach(a -> System.err.println("  + " + a.memberId() + (a.role() == null ? "" : " " + a.role())));
            plan.roleChanges()
                    .forEach(c -> System.err.println("  ~ " + c.memberId() + " " + c.from() + " -> " + c.to()));
            plan.removals().forEach(r -> System.err.println("  - " + r.memberId() + " (" + r.role() + ")"));
            System.err.flush();
        }

        private List<Map<String, Object>> apply(ExtraOperation.Session s, SyncPlan plan) throws Exception {
            List<Map<String, Object>> errors = new ArrayList<>();
            if (!plan.adds().isEmpty()) {
                errors.addAll(BatchRunner.run(
                        s,
                        target.accountId,
                        target.roomId,
                        plan.adds(),
                        target.concurrency,
                        Checkpoint.none(""),
                        target.progress(
                                "sync-members add",
                                "batch",
                                plan.adds().size(),
                                BatchRunner.batches(plan.adds()).size())));
            }
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (SyncPlan.Change c : plan.roleChanges()) {
                calls.add(() -> one(s, UPDATE, c.memberId(), c.to()));
            }
            for (SyncPlan.Current r : plan.removals()) {
                calls.add(() -> one(s, DELETE, r.memberId(), null));
            }
            if (calls.isEmpty()) {
                return errors;
            }
            BatchProgress progress = target.progress("sync-members update", "call", calls.size(), calls.size());
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(target.concurrency, calls.size()));
            try {
                List<Future<Map<String, Object>>> results = new ArrayList<>();
                for (Callable<Map<String, Object>> call : calls) {
                    results.add(pool.submit(() -> {
                        Map<String, Object> error = call.call();
                        progress.finished(1, error == null ? 0 : 1);
                        return error;
                    }));
                }
                for (Future<Map<String, Object>> f : results) {
                    Map<String, Object> error = f.get();
                    if (error != null) {
                        errors.add(error);
                    }
                }
            } finally {
                pool.shutdownNow();
                progress.finish();
            }
            return errors;
        }

        /** One update or delete; the API's refusal of it becomes an entry of Errors, as a batch's would. */
        private Map<String, Object> one(ExtraOperation.Session s, OperationModel op, String memberId, String role) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("AccountId", target.accountId);
            params.put("RoomId", target.roomId);
            params.put("MemberId", memberId);
            if (role != null) {
                params.put("Role", role);
            }
            try {
                s.call(op, params);
                return null;
            } catch (CliException.ServiceError e) {
                Matcher m = SERVICE_ERROR.matcher(e.getMessage());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("MemberId", memberId);
                error.put("ErrorCode", m.matches() ? m.group(1) : "ServiceFailure");
                error.put("ErrorMessage", m.matches() ? m.group(2) : e.getMessage());
                return error;
            }
        }
    }
}
