package dev.belfry.app;

import dev.belfry.cli.config.CliConfig;
import dev.belfry.cli.http.RawHttpClient;
import dev.belfry.cli.http.WireRequest;
import dev.belfry.cli.http.WireResponse;
import dev.belfry.model.BelfryVersion;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.RoomStore;
import dev.belfry.store.CopyReport;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreCopier;
import dev.belfry.store.StoreException;
import dev.belfry.store.Stores;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code belfry admin}: what an operator of a self-hosted Chime needs and the Chime API never had. */
@Command(
        name = "belfry admin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionLine.class,
        subcommands = {AdminCommand.CreateAccount.class, AdminCommand.Migrate.class},
        description = "Operator tasks: Enterprise accounts, data migration.")
final class AdminCommand implements Callable<Integer> {
    static int run(String[] args) {
        return new CommandLine(new AdminCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
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

        @Option(names = "--endpoint-url", description = "Server URL (default: as `belfry chime` resolves it).")
        String endpointUrl;

        @Option(names = "--profile", description = "AWS CLI profile whose credentials sign the request.")
        String profile;

        @Override
        public Integer call() throws Exception {
            CliConfig config = new CliConfig(System.getenv(), profile);
            String endpoint = config.endpoint(endpointUrl).replaceAll("/+$", "");
            String[] credentials = config.credentials();
            if (credentials == null) {
                credentials = new String[] {"test", "test", null};
            }
            String body = "{\"Name\":" + jsonString(name) + ",\"AccountType\":\"" + type.name() + "\"}";
            URI uri = URI.create(endpoint + "/_belfry/admin/accounts");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            SignableRequest signable = new SignableRequest(
                    "POST",
                    uri.getRawPath(),
                    null,
                    List.of(
                            new AbstractMap.SimpleImmutableEntry<>("Host", host),
                            new AbstractMap.SimpleImmutableEntry<>("Content-Type", "application/json")),
                    bytes);
            Map<String, String> signed = new SigV4Signer(
                            "chime", config.region(null) == null ? "us-east-1" : config.region(null))
                    .sign(signable, credentials[0], credentials[1], credentials[2], Instant.now());
            // the CLI's one-exchange client, not java.net.http: HttpClient builds the JDK's default SSLContext (the
            // whole CA store) even for http://, about a second of a call that is otherwise one request (D39)
            List<Map.Entry<String, String>> headers = new java.util.ArrayList<>(signable.headers());
            headers.add(new AbstractMap.SimpleImmutableEntry<>("Content-Length", String.valueOf(bytes.length)));
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    "User-Agent", "belfry/" + BelfryVersion.version() + " admin"));
            headers.add(new AbstractMap.SimpleImmutableEntry<>("Connection", "close"));
            signed.forEach((k, v) -> headers.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
            WireResponse response;
            try {
                response = RawHttpClient.send(
                        uri, new WireRequest("POST", uri.getRawPath(), "", headers, bytes), 10_000, 30_000);
            } catch (java.io.IOException e) {
                System.err.println("belfry admin: cannot reach " + endpoint + ": " + e.getMessage());
                return 255;
            }
            String answer = new String(response.body(), StandardCharsets.UTF_8);
            if (response.status() / 100 != 2) {
                String type = response.header("x-amzn-ErrorType");
                System.err.println("belfry admin: the server answered " + response.status() + " "
                        + (type == null ? "" : type) + ": " + answer);
                return 254;
            }
            System.out.println(PrettyJson.indent(answer));
            return 0;
        }
    }

    /** Moves an installation's data from its SQLite data directory into PostgreSQL, verifying counts. */
    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Copy all data from a SQLite data directory to an empty PostgreSQL database.")
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
            try (RoomStore source = Stores.open(StoreConfig.sqlite(from));
                    RoomStore target = Stores.open(StoreConfig.jdbc(to))) {
                CopyReport report = new StoreCopier().copy(source, target);
                report.rowsPerTable().forEach((table, rows) -> System.out.printf("  %-16s %d rows%n", table, rows));
                System.out.println("migrated " + report.totalRows() + " rows to " + ServeBanner.redact(to)
                        + "; counts verified on both sides");
                return 0;
            } catch (StoreException e) {
                System.err.println("belfry admin migrate: " + e.getMessage());
                return 1;
            }
        }
    }

    static String jsonString(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
