package dev.belfry.cli;

import dev.belfry.cli.config.CliConfig;
import dev.belfry.cli.http.OperationCaller;
import dev.belfry.cli.http.Proxies;
import dev.belfry.cli.http.TlsPolicy;
import dev.belfry.cli.http.Transport;
import dev.belfry.cli.output.Formatter;
import dev.belfry.cli.output.Formatters;
import dev.belfry.cli.param.ParamValidator;
import dev.belfry.model.BelfryVersion;
import dev.belfry.model.OperationModel;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * Runs one operation the Chime model does not have (Belfry's admin operations, {@code belfry admin}) exactly as
 * {@code belfry chime} runs a command: the same configuration (profile, region, endpoint, credentials), signing,
 * retries, {@code --output} / {@code --query} formatting, and {@link ErrorReporter}'s messages and exit codes
 * (252 usage, 253 configuration, 254 service, 255 connection and the rest). Nothing here prints a stack trace.
 */
public final class ExtraOperation {
    /** The global options an extra operation takes, null when not given. */
    public record Globals(
            String endpointUrl,
            String profile,
            String region,
            String output,
            String query,
            boolean debug,
            String caBundle,
            boolean noVerifySsl) {}

    private ExtraOperation() {}

    public static int run(
            OperationModel op,
            Map<String, Object> params,
            Globals globals,
            Map<String, String> env,
            PrintStream stdout,
            PrintStream stderr) {
        try {
            CliConfig config = new CliConfig(env, globals.profile());
            Formatter formatter = Formatters.create(config.output(globals.output()), globals.query());
            String region = config.region(globals.region());
            config.retryMode();
            if (op.input() != null) {
                ParamValidator.validate(params, op.input());
            }
            String[] credentials = config.credentials();
            if (credentials == null) {
                throw new CliException.Configuration(
                        "Unable to locate credentials. You can configure credentials by running \"aws configure\".");
            }
            OperationCaller caller = new OperationCaller(new OperationCaller.Settings(
                    URI.create(config.endpoint(globals.endpointUrl())),
                    region,
                    credentials,
                    true,
                    "belfry/" + BelfryVersion.version() + " aws-cli-compatible command/admin." + op.name(),
                    60_000,
                    60_000,
                    config.maxAttempts(),
                    transport(config, globals, env, stderr),
                    line -> {
                        if (globals.debug()) {
                            stderr.println(line);
                        }
                    }));
            formatter.format(op.name(), caller.call(op, params), stdout);
            stdout.flush();
            return 0;
        } catch (Throwable t) {
            return ErrorReporter.report(t, stdout, stderr);
        }
    }

    /** Proxies and TLS checks as {@code belfry chime} takes them: --ca-bundle, AWS_CA_BUNDLE, ca_bundle. */
    private static Transport transport(CliConfig config, Globals globals, Map<String, String> env, PrintStream stderr) {
        String caBundle = globals.caBundle();
        if (caBundle == null) {
            caBundle = env.get("AWS_CA_BUNDLE");
        }
        if (caBundle == null) {
            caBundle = config.profileValue("ca_bundle");
        }
        return new Transport(Proxies.fromEnvironment(env), new TlsPolicy(!globals.noVerifySsl(), caBundle, w -> {
            stderr.print(w);
            stderr.flush();
        }));
    }

    /** A usage error of a command outside the model: the message on stderr, exit 252, as the AWS CLI's. */
    public static int usage(String message, PrintStream stderr) {
        return ErrorReporter.report(new CliException.ParamValidation(message), System.out, stderr);
    }
}
