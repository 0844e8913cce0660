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
        return session(
                "admin." + op.name(),
                globals,
                env,
                stdout,
                stderr,
                () -> {
                    if (op.input() != null) {
                        ParamValidator.validate(params, op.input());
                    }
                },
                session -> {
                    session.print(op.name(), session.call(op, params));
                    return 0;
                });
    }

    /** What a command of many calls does with its {@link Session}; returns the exit code. */
    @FunctionalInterface
    public interface Body {
        int run(Session session) throws Exception;
    }

    /**
     * Several calls under one configuration, printed once: a command that sends many operations and merges their
     * answers (belfry rooms add-members). Thread-safe: calls may be made from several threads at once.
     */
    public static final class Session {
        private final OperationCaller caller;
        private final Formatter formatter;
        private final PrintStream stdout;

        private Session(OperationCaller caller, Formatter formatter, PrintStream stdout) {
            this.caller = caller;
            this.formatter = formatter;
            this.stdout = stdout;
        }

        /** The parsed answer (ResponseMetadata first); a service error is a {@link CliException.ServiceError}. */
        public Map<String, Object> call(OperationModel op, Map<String, Object> params) {
            if (op.input() != null) {
                ParamValidator.validate(params, op.input());
            }
            return caller.call(op, params);
        }

        /** Prints an answer with --output and --query, as {@code belfry chime} prints one. */
        public synchronized void print(String commandName, Map<String, Object> response) {
            formatter.format(commandName, response, stdout);
            stdout.flush();
        }
    }

    /**
     * Runs {@code body} with a session configured as {@code belfry chime} is (configuration, credentials, --output,
     * --query); every failure goes to {@link ErrorReporter}, which picks the exit code. {@code preflight} runs after
     * the output options are read and before the credentials are, where the AWS CLI validates parameters.
     */
    public static int session(
            String command,
            Globals globals,
            Map<String, String> env,
            PrintStream stdout,
            PrintStream stderr,
            Runnable preflight,
            Body body) {
        try {
            CliConfig config = new CliConfig(env, globals.profile());
            Formatter formatter = Formatters.create(config.output(globals.output()), globals.query());
            String region = config.region(globals.region());
            config.retryMode();
            preflight.run();
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
                    "belfry/" + BelfryVersion.version() + " aws-cli-compatible command/" + command,
                    60_000,
                    60_000,
                    config.maxAttempts(),
                    transport(config, globals, env, stderr),
                    line -> {
                        if (globals.debug()) {
                            stderr.println(line);
                        }
                    }));
            return body.run(new Session(caller, formatter, stdout));
        } catch (Throwable t) {
            return ErrorReporter.report(t, stdout, stderr);
        }
    }

    /** A failure of a many-call command reported as every other is: its message, and the AWS CLI's exit code. */
    public static int report(Throwable t, PrintStream stdout, PrintStream stderr) {
        return ErrorReporter.report(t, stdout, stderr);
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
