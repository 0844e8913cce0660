package dev.belfry.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.belfry.cli.CliException;
import dev.belfry.cli.ExtraOperation;
import dev.belfry.cli.config.CliConfig;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.cli.output.Formatter;
import dev.belfry.cli.output.Formatters;
import dev.belfry.model.BelfryVersion;
import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code belfry admin export --account-id A > a.json} and {@code belfry admin import a.json}: one account moved
 * between servers, ids kept (issue 17, D126–D129). Both read the same configuration as {@code belfry chime}
 * (--endpoint-url, --profile, --region, the AWS credentials) and exit with its codes (254 for the server's refusal,
 * 253 for missing configuration, 252 for usage, 255 for a connection failure), but stream the file instead of
 * holding it: the export is copied to stdout as it arrives, and the import's body is sent from the file with its
 * SHA-256 signed (the file is read twice, once for the hash).
 */
final class AccountTransferCommands {
    private static final JsonFactory JSON = new JsonFactory();

    private AccountTransferCommands() {}

    /** The global options these two take: where the server is and whom to sign as. */
    static final class Target {
        @Option(names = "--endpoint-url", description = "Server URL (default: as `belfry chime` resolves it).")
        String endpointUrl;

        @Option(names = "--profile", description = "AWS CLI profile whose settings and credentials to use.")
        String profile;

        @Option(names = "--region", description = "Region to sign for (default: as `belfry chime` resolves it).")
        String region;

        @Option(names = "--debug", description = "Print the request line and the answer's status on stderr.")
        boolean debug;
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write one account (users, bots, rooms, memberships, messages, webhooks, settings, its"
                    + " audit trail) to stdout as an account export file, from one consistent read of the server.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--account-id", required = true, description = "The account's id.")
        String accountId;

        @picocli.CommandLine.Mixin
        Target target;

        @Override
        public Integer call() {
            try {
                Signed signed = Signed.of(target);
                String path = "/_belfry/admin/accounts/"
                        + URLEncoder.encode(accountId, StandardCharsets.UTF_8).replace("+", "%20") + "/export";
                HttpRequest request = signed.request("GET", path, null, HttpRequest.BodyPublishers.noBody());
                HttpResponse<InputStream> response = signed.send(request, "BelfryExportAccount");
                try (InputStream body = response.body()) {
                    OutputStream out = System.out;
                    body.transferTo(out);
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("the export was cut short (" + e.getMessage()
                            + "); the output is incomplete: export again");
                }
                return 0;
            } catch (Throwable t) {
                return ExtraOperation.report(t, System.out, System.err);
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Create an account from an account export file, ids kept, in the tenant of the credentials"
                    + " used: all of it in one transaction, or nothing. Refused (ConflictException) when the account"
                    + " or one of its ids exists on the server.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The export file (belfry admin export's output).")
        Path file;

        @picocli.CommandLine.Mixin
        Target target;

        @Option(names = "--output", description = "json (default), text, table, yaml or yaml-stream.")
        String output;

        @Option(names = "--query", description = "A JMESPath query applied to the answer.")
        String query;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() {
            try {
                CliConfig config = new CliConfig(System.getenv(), target.profile);
                Formatter formatter = Formatters.create(config.output(output), query);
                if (!Files.isRegularFile(file)) {
                    throw new CliException.ParamValidation("belfry admin import: no such file: " + file);
                }
                Signed signed = Signed.of(target);
                String sha256 = sha256(file);
                HttpRequest request = signed.request(
                        "POST", "/_belfry/admin/account-imports", sha256, HttpRequest.BodyPublishers.ofFile(file));
                HttpResponse<InputStream> response = signed.send(request, "BelfryImportAccount");
                try (InputStream body = response.body()) {
                    Object answer = PyJsonReader.read(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    formatter.format("BelfryImportAccount", (Map<String, Object>) answer, System.out);
                    System.out.flush();
                }
                return 0;
            } catch (Throwable t) {
                return ExtraOperation.report(t, System.out, System.err);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A signed exchange with the server the configuration names. */
    private record Signed(URI endpoint, String region, String[] credentials, boolean debug, HttpClient http) {
        static Signed of(Target target) {
            CliConfig config = new CliConfig(System.getenv(), target.profile);
            String region = config.region(target.region);
            String[] credentials = config.credentials();
            if (credentials == null) {
                throw new CliException.Configuration(
                        "Unable to locate credentials. You can configure credentials by running \"aws configure\".");
            }
            URI endpoint = URI.create(config.endpoint(target.endpointUrl));
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(60))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            return new Signed(endpoint, region, credentials, target.debug, http);
        }

        HttpRequest request(String method, String path, String payloadSha256, HttpRequest.BodyPublisher body) {
            String base =
                    endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
            URI uri = endpoint.resolve(base + path);
            String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(new AbstractMap.SimpleImmutableEntry<>("Host", host));
            if (payloadSha256 != null) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>("x-amz-content-sha256", payloadSha256));
            }
            Map<String, String> auth = new SigV4Signer("chime", region)
                    .sign(
                            new SignableRequest(method, uri.getRawPath(), null, headers, null),
                            credentials[0],
                            credentials[1],
                            credentials[2],
                            Instant.now());
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .method(method, body)
                    .header("User-Agent", "belfry/" + BelfryVersion.version() + " aws-cli-compatible");
            if (payloadSha256 != null) {
                b.header("x-amz-content-sha256", payloadSha256).header("Content-Type", "application/json");
            }
            auth.forEach(b::header);
            return b.build();
        }

        /** Sends the request; a refusal becomes the AWS CLI's "An error occurred (Code) …" line, exit 254. */
        HttpResponse<InputStream> send(HttpRequest request, String operation) throws Exception {
            if (debug) {
                System.err.println(request.method() + " " + request.uri());
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException e) {
                throw new IllegalStateException("Could not connect to the endpoint URL: \"" + request.uri() + "\"", e);
            }
            if (debug) {
                System.err.println("status " + response.statusCode());
            }
            if (response.statusCode() / 100 == 2) {
                return response;
            }
            String code = "HTTP" + response.statusCode();
            String message = "";
            try (InputStream in = response.body();
                    JsonParser p = JSON.createParser(in.readAllBytes())) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals("Code")) {
                            code = p.getText();
                        } else if (name.equals("Message") || name.equals("message")) {
                            message = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } catch (IOException unreadable) {
                // keep the status as the code
            }
            // as botocore reads a rest-json error: the x-amzn-ErrorType header names it, the body's Code otherwise
            String type = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
            if (type != null) {
                code = type.split(":", 2)[0];
            }
            throw new CliException.ServiceError(
                    "An error occurred (" + code + ") when calling the " + operation + " operation: " + message);
        }
    }
}
