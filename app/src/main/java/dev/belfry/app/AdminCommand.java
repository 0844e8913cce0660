package dev.belfry.app;

import dev.belfry.cli.ExtraOperation;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.RoomStore;
import dev.belfry.server.ops.AdminOperations;
import dev.belfry.store.CopyReport;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreCopier;
import dev.belfry.store.StoreException;
import dev.belfry.store.Stores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code belfry admin}: what an operator of a self-hosted Chime needs and the Chime API never had. The calls to a
 * server (create-account, set-account-status) go through the CLI's own machinery ({@link ExtraOperation}), so they
 * read the same configuration, print JSON exactly as {@code belfry chime} does and exit with the AWS CLI's codes
 * (D35). Nothing here prints a stack trace: a usage error is one line and 252, anything unforeseen one line and 255.
 */
@Command(
        name = "belfry admin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionLine.class,
        subcommands = {
            AdminCommand.CreateAccount.class,
            AdminCommand.SetAccountStatus.class,
            AdminCommand.Migrate.class,
            WebhookCommands.CreateWebhook.class,
            WebhookCommands.ListWebhooks.class,
            WebhookCommands.RegenerateWebhookUrl.class,
            WebhookCommands.DeleteWebhook.class,
            WebhookCommands.ListRoomMessages.class,
            BotDeliveryCommands.ListBotDeliveries.class,
            BotDeliveryCommands.Redeliver.class,
            AccountTransferCommands.Export.class,
            AccountTransferCommands.Import.class
        },
        description = "Operator tasks: Enterprise accounts, account status, data migration, moving one account"
                + " between servers (export, import), rooms' webhooks and messages, bots' event deliveries.")
final class AdminCommand implements Callable<Integer> {
    static final int USAGE = 252;
    static final int OTHER = 255;

    /**
     * {@code java -cp belfry.jar dev.belfry.app.AdminCommand …}: the admin commands through picocli alone, without
     * {@link AdminFastPath}; AdminFastPathIT compares the two.
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(new AdminCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, given) -> ExtraOperation.usage(
                "belfry admin: " + oneLine(e.getMessage()) + " (belfry admin "
                        + (e.getCommandLine().getParent() == null
                                ? ""
                                : e.getCommandLine().getCommandName() + " ")
                        + "--help shows the usage)",
                System.err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            System.err.println("belfry admin: " + oneLine(String.valueOf(e.getMessage())));
            return OTHER;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return USAGE;
    }

    /** The AWS CLI's global options that matter to an admin call, read exactly as {@code belfry chime} reads them. */
    static final class Globals {
        @Option(names = "--endpoint-url", description = "Server URL (default: as `belfry chime` resolves it).")
        String endpointUrl;

        @Option(names = "--profile", description = "AWS CLI profile whose settings and credentials to use.")
        String profile;

        @Option(names = "--region", description = "Region to sign for (default: as `belfry chime` resolves it).")
        String region;

        @Option(names = "--output", description = "json (default), text, table, yaml or yaml-stream.")
        String output;

        @Option(names = "--query", description = "A JMESPath query applied to the answer.")
        String query;

        @Option(names = "--debug", description = "Print the HTTP exchange on stderr.")
        boolean debug;

        @Option(names = "--ca-bundle", description = "CA certificates (PEM) to verify an HTTPS server with.")
        String caBundle;

        @Option(names = "--no-verify-ssl", description = "Do not verify an HTTPS server's certificate.")
        boolean noVerifySsl;

        int call(OperationModel op, Map<String, Object> params) {
            return ExtraOperation.run(op, params, extra(), System.getenv(), System.out, System.err);
        }

        ExtraOperation.Globals extra() {
            return new ExtraOperation.Globals(
                    endpointUrl, profile, region, output, query, debug, caBundle, noVerifySsl);
        }
    }

    private static OperationModel operation(String name) {
        List<OperationModel> all = AdminOperations.models(ServiceModel.chime());
        return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    /** Creates an account of any type on a running server, signed with the CLI's credentials (D2). */
    @Command(
            name = "create-account",
            mixinStandardHelpOptions = true,
            description = "Create a Chime account of any type (e.g. EnterpriseLWA) on a running Belfry server.")
    static final class CreateAccount implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Account name (1-100 characters).")
        String name;

        @Option(names = "--type", required = true, description = "${COMPLETION-CANDIDATES}")
        AccountType type;

        @Mixin
        Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("Name", name);
            params.put("AccountType", type.name());
            return globals.call(operation("BelfryCreateAccount"), params);
        }
    }

    /** Suspends or reactivates an account (D3), as Chime's console did. */
    @Command(
            name = "set-account-status",
            mixinStandardHelpOptions = true,
            description = "Suspend or reactivate an account on a running Belfry server.")
    static final class SetAccountStatus implements Callable<Integer> {
        @Option(names = "--account-id", required = true, description = "The account's id.")
        String accountId;

        @Option(names = "--status", required = true, description = "${COMPLETION-CANDIDATES}")
        AccountStatus status;

        @Mixin
        Globals globals;

        @Override
        public Integer call() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("AccountId", accountId);
            params.put("AccountStatus", status.name());
            return globals.call(operation("BelfrySetAccountStatus"), params);
        }
    }

    /** Moves an installation's data from its SQLite data directory into PostgreSQL, verifying counts. */
    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Copy all data from a SQLite data directory to an empty PostgreSQL database. Progress goes to"
                    + " stderr (a bar on a terminal), the summary to stdout.")
    static final class Migrate implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "SQLite data directory (holding belfry.db).")
        Path from;

        @Option(
                names = "--to",
                required = true,
                description = "JDBC URL of the target, e.g. jdbc:postgresql://h/db?user=u")
        String to;

        @Override
        public Integer call() {
            if (!from.resolve(StoreConfig.SQLITE_FILE).toFile().isFile()) {
                System.err.println("belfry admin migrate: no " + StoreConfig.SQLITE_FILE + " in " + from);
                return 1;
            }
            MigrateProgress progress = new MigrateProgress(System.err, MigrateProgress.stderrIsTerminal());
            try (RoomStore source = Stores.open(StoreConfig.sqlite(from));
                    RoomStore target = Stores.open(StoreConfig.jdbc(to))) {
                CopyReport report = new StoreCopier().copy(source, target, progress);
                progress.finish();
                report.rowsPerTable().forEach((table, rows) -> System.out.printf("  %-16s %d rows%n", table, rows));
                System.out.println("migrated " + report.totalRows() + " rows to " + ServeBanner.redact(to)
                        + "; counts verified on both sides");
                return 0;
            } catch (StoreException e) {
                progress.finish();
                System.err.println("belfry admin migrate: " + e.getMessage());
                return 1;
            }
        }
    }

    private static String oneLine(String message) {
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
