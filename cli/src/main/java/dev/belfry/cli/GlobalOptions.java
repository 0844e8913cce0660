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
    for (String flag : List.of("debug", "no-verify-ssl", "no-paginate", "version", "no-sign-request", "no-cli-pager",
        "cli-auto-prompt", "no-cli-auto-prompt")) {
      options.put(flag, new CliArgument(flag, null, CliArgument.Arity.FLAG, false, false));
    }
    for (String one : List.of("endpoint-url", "output", "query", "profile", "region", "color", "ca-bundle",
        "cli-read-timeout", "cli-connect-timeout", "cli-binary-format")) {
      options.put(one, new CliArgument(one, null, CliArgument.Arity.ONE, false, false));
    }
    Map<String, List<String>> choices = Map.of(
        "output", OUTPUTS,
        "color", List.of("on", "off", "auto"),
        "cli-binary-format", List.of("base64", "raw-in-base64-out"));
    return new ArgParser(options, choices);
  }
}
