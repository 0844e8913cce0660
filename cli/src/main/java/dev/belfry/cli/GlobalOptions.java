package dev.belfry.cli;

import dev.belfry.cli.args.ArgParser;
import dev.belfry.cli.args.CliArgument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI's global options (data/cli.json) that a chime user reaches for. They may appear anywhere
 * on the command line, as with the AWS CLI's first-pass parser.
 */
final class GlobalOptions {
    static final List<String> OUTPUTS = List.of("json", "text", "table", "yaml", "yaml-stream");

    private GlobalOptions() {}

    static ArgParser parser() {
        Map<String, CliArgument> options = new LinkedHashMap<>();
        // cli.json order: argparse lists ambiguous matches in the order options were added.
        List<String> flags = List.of(
                "debug",
                "no-verify-ssl",
                "no-paginate",
                "version",
                "no-sign-request",
                "no-cli-pager",
                "cli-auto-prompt",
                "no-cli-auto-prompt");
        for (String name : List.of(
                "debug",
                "endpoint-url",
                "no-verify-ssl",
                "no-paginate",
                "output",
                "query",
                "profile",
                "region",
                "version",
                "color",
                "no-sign-request",
                "ca-bundle",
                "cli-read-timeout",
                "cli-connect-timeout",
                "cli-binary-format",
                "no-cli-pager",
                "cli-auto-prompt",
                "no-cli-auto-prompt")) {
            CliArgument.Arity arity = flags.contains(name) ? CliArgument.Arity.FLAG : CliArgument.Arity.ONE;
            options.put(name, new CliArgument(name, null, arity, false, false));
        }
        Map<String, List<String>> choices = Map.of(
                "output", OUTPUTS,
                "color", List.of("on", "off", "auto"),
                "cli-binary-format", List.of("base64", "raw-in-base64-out"));
        return new ArgParser(options, choices, "version");
    }
}
