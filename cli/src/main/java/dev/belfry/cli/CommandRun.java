package dev.belfry.cli;

import dev.belfry.cli.args.ArgParser;
import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.config.CliConfig;
import dev.belfry.cli.http.OperationCaller;
import dev.belfry.cli.http.Proxies;
import dev.belfry.cli.http.TlsPolicy;
import dev.belfry.cli.http.Transport;
import dev.belfry.cli.json.PyJsonWriter;
import dev.belfry.cli.output.Formatter;
import dev.belfry.cli.output.Formatters;
import dev.belfry.cli.param.ParamValidator;
import dev.belfry.cli.skeleton.SkeletonGenerator;
import dev.belfry.model.BelfryVersion;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One operation command from parsed words to printed output (clidriver ServiceOperation + CLIOperationCaller). */
final class CommandRun {
    private final String command;
    private final OperationModel op;
    private final ServiceModel model;
    private final ArgumentTable table;
    private final Map<String, Object> globals;
    private final Map<String, String> env;
    private final PrintStream stdout;
    private final PrintStream stderr;

    CommandRun(
            String command,
            OperationModel op,
            ServiceModel model,
            ArgumentTable table,
            Map<String, Object> globals,
            Map<String, String> env,
            PrintStream stdout,
            PrintStream stderr) {
        this.command = command;
        this.op = op;
        this.model = model;
        this.table = table;
        this.globals = globals;
        this.env = env;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run(List<String> words) {
        ArgParser parser = new ArgParser(
                table.arguments(), Map.of("generate-cli-skeleton", List.of("input", "output", "yaml-input")));
        ArgParser.Result parsed = parser.parse(words);
        Map<String, Object> values = parsed.values();
        if (!overridesRequired(words)) {
            List<String> missing = ChimeCli.requiredMissing(table, values);
            if (!missing.isEmpty()) {
                throw new CliException.Usage("the following arguments are required: " + String.join(", ", missing));
            }
        }
        if (!parsed.extras().isEmpty()) {
            throw new CliException.UnknownArgument("Unknown options: " + String.join(", ", helpLast(parsed.extras())));
        }
        Map<String, Object> params = CallParameters.build(table, values, env);
        CallParameters.mergeInput(params, values, env);
        addIdempotencyTokens(params);
        Object skeleton = values.get("generate-cli-skeleton");
        if ("input".equals(skeleton)) {
            Object sample =
                    op.input() == null ? new LinkedHashMap<>() : new SkeletonGenerator(false).generate(op.input());
            stdout.print(PyJsonWriter.pretty(sample) + "\n");
            return 0;
        } else if ("yaml-input".equals(skeleton)) {
            stdout.print(YamlSkeleton.render(
                    ServiceModel.chimeDocumented().operation(op.name()).input()));
            return 0;
        }
        CliConfig config = new CliConfig(env, (String) globals.get("profile"));
        String output = config.output((String) globals.get("output"));
        Formatter formatter = Formatters.create(output, (String) globals.get("query"));
        String region = config.region((String) globals.get("region"));
        config.retryMode(); // checked where botocore creates the client: before parameter validation
        if ("output".equals(skeleton)) {
            ParamValidator.validate(params, op.input());
            Map<String, Object> fake = new LinkedHashMap<>();
            if (op.output() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sample = (Map<String, Object>) new SkeletonGenerator(true).generate(op.output());
                fake.putAll(sample);
            }
            formatter.format(op.name(), fake, stdout);
            return 0;
        }
        if (op.input() != null) {
            ParamValidator.validate(params, op.input());
        }
        OperationCaller caller = new OperationCaller(settings(config, region));
        ServiceModel.Paginator paginator = Pager.paginates(model, op, values, globals);
        if (paginator == null) {
            formatter.format(op.name(), caller.call(op, params), stdout);
        } else {
            formatter.format(op.name(), Pager.of(op, paginator, params, values, caller), stdout);
        }
        stdout.flush();
        return 0;
    }

    private OperationCaller.Settings settings(CliConfig config, String region) {
        boolean sign = !Boolean.TRUE.equals(globals.get("no-sign-request"));
        String[] credentials = sign ? config.credentials() : null;
        if (sign && credentials == null) {
            throw new CliException.Configuration(
                    "Unable to locate credentials. You can configure credentials by running \"aws configure\".");
        }
        URI endpoint = URI.create(config.endpoint((String) globals.get("endpoint-url")));
        boolean debug = Boolean.TRUE.equals(globals.get("debug"));
        return new OperationCaller.Settings(
                endpoint,
                region,
                credentials,
                sign,
                "belfry/" + BelfryVersion.version() + " aws-cli-compatible command/chime." + command,
                timeout("cli-connect-timeout"),
                timeout("cli-read-timeout"),
                config.maxAttempts(),
                transport(config),
                line -> {
                    if (debug) {
                        stderr.println(line);
                    }
                });
    }

    /**
     * Proxies from the environment; TLS checked against {@code --ca-bundle}, else {@code AWS_CA_BUNDLE}, else the
     * profile's {@code ca_bundle} (botocore's order), or not at all with {@code --no-verify-ssl}.
     */
    private Transport transport(CliConfig config) {
        boolean verify = !Boolean.TRUE.equals(globals.get("no-verify-ssl"));
        String caBundle = (String) globals.get("ca-bundle");
        if (caBundle == null) {
            caBundle = env.get("AWS_CA_BUNDLE");
        }
        if (caBundle == null) {
            caBundle = config.profileValue("ca_bundle");
        }
        return new Transport(Proxies.fromEnvironment(env), new TlsPolicy(verify, caBundle, w -> {
            stderr.print(w);
            stderr.flush();
        }));
    }

    /** --cli-connect-timeout / --cli-read-timeout in seconds (default 60, 0 meaning no timeout). */
    private int timeout(String name) {
        Object v = globals.get(name);
        if (v == null) {
            return 60_000;
        }
        return (int) (Double.parseDouble((String) v) * 1000);
    }

    /**
     * argparse gives the first stray word to the operation parser's optional "help" positional and the
     * AWS CLI appends it after the other unknown words, so "x y" is reported as "y, x".
     */
    private static List<String> helpLast(List<String> extras) {
        List<String> ordered = new java.util.ArrayList<>(extras);
        for (int i = 0; i < ordered.size(); i++) {
            if (!ordered.get(i).startsWith("-")) {
                ordered.add(ordered.remove(i));
                break;
            }
        }
        return ordered;
    }

    /** botocore's generate_idempotent_uuid: a missing idempotency token becomes a random UUID, appended last. */
    private void addIdempotencyTokens(Map<String, Object> params) {
        if (op.input() == null) {
            return;
        }
        op.input().members().values().forEach(m -> {
            if (m.idempotencyToken() && !params.containsKey(m.name())) {
                params.put(m.name(), java.util.UUID.randomUUID().toString());
            }
        });
    }

    /** OverrideRequiredArgsArgument: input files and skeletons (except "output") lift required options. */
    private static boolean overridesRequired(List<String> words) {
        if (words.contains("--cli-input-json") || words.contains("--cli-input-yaml")) {
            return true;
        }
        int at = words.indexOf("--generate-cli-skeleton");
        return at >= 0 && !(at + 1 < words.size() && words.get(at + 1).equals("output"));
    }

    static boolean isFlag(CliArgument arg) {
        return arg.arity() == CliArgument.Arity.FLAG;
    }
}
