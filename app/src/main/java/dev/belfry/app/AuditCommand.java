package dev.belfry.app;

import dev.belfry.cli.ExtraOperation;
import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code belfry audit}: the audit trail of room membership changes (issue 16, D84), read with the belfry-admin
 * model's ListAuditEvents through the CLI's caller. Every page is read and printed as one answer in the AWS CLI's
 * --output formats (with --query), or, with --ndjson, one event a line as each page arrives, for export.
 */
@Command(
        name = "belfry audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionLine.class,
        description = "Who added, changed or removed which room member, when, with what role before and after;"
                + " oldest first. A caller sees its own tenant's events only.")
final class AuditCommand implements Callable<Integer> {
    private static final OperationModel LIST = ServiceModel.belfryAdmin().operation("BelfryListAuditEvents");

    @Option(names = "--account-id", description = "Only changes in this account.")
    String accountId;

    @Option(names = "--room-id", description = "Only changes in this room.")
    String roomId;

    @Option(names = "--member-id", description = "Only changes of this member.")
    String memberId;

    @Option(names = "--actor", description = "Only changes made by this principal ARN or access key id.")
    String actor;

    @Option(names = "--since", paramLabel = "TIME", description = "Only changes at or after this ISO-8601 time.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only changes before this ISO-8601 time.")
    String until;

    @Option(names = "--page-size", description = "Events per call (1-1000, default 1000).")
    Integer pageSize;

    @Option(names = "--ndjson", description = "One JSON event a line (export), instead of --output's formats.")
    boolean ndjson;

    @Mixin
    AdminCommand.Globals globals;

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setParameterExceptionHandler((e, given) -> ExtraOperation.usage(
                "belfry audit: " + e.getMessage().strip() + " (belfry audit --help shows the usage)", System.err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> ExtraOperation.report(e, System.out, System.err));
        return cli.execute(args);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Map<String, Object> params = new LinkedHashMap<>();
        put(params, "AccountId", accountId);
        put(params, "RoomId", roomId);
        put(params, "MemberId", memberId);
        put(params, "Actor", actor);
        put(params, "StartTime", since);
        put(params, "EndTime", until);
        params.put("MaxResults", pageSize == null ? 1000 : pageSize);
        return ExtraOperation.session(
                "audit", globals.extra(), System.getenv(), System.out, System.err, () -> {}, s -> {
                    List<Object> all = new ArrayList<>();
                    String token = null;
                    do {
                        Map<String, Object> page = new LinkedHashMap<>(params);
                        put(page, "NextToken", token);
                        Map<String, Object> answer = s.call(LIST, page);
                        List<Object> events = (List<Object>) answer.getOrDefault("AuditEvents", List.of());
                        if (ndjson) {
                            for (Object event : events) {
                                System.out.println(PyJsonWriter.compact(event));
                            }
                            System.out.flush();
                        } else {
                            all.addAll(events);
                        }
                        token = (String) answer.get("NextToken");
                    } while (token != null);
                    if (!ndjson) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("AuditEvents", all);
                        s.print(LIST.name(), out);
                    }
                    return 0;
                });
    }

    private static void put(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
