package dev.belfry.cli;

import dev.belfry.cli.args.ArgParser;
import dev.belfry.cli.args.Choices;
import dev.belfry.model.BelfryVersion;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI's whole command line, {@code [global options] chime [global options] <operation> [arguments]}:
 * like clidriver's first pass (argparse's parse_known_args over the global options and the {@code command}
 * positional), it finds the service word wherever the global options put it and hands every other word, in
 * order, to {@link ChimeCli}, which reads the global options anywhere. The launcher runs this class directly
 * for the CLI and the {@code aws} shim (no picocli, no server classes on the start-up path).
 */
public final class AwsCommandLine {
    private AwsCommandLine() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, System.getenv());
        System.out.flush();
        System.exit(code);
    }

    /** @param args the whole command line after the program name */
    public static int run(
            String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        List<String> words = Arrays.asList(args);
        int service;
        try {
            ArgParser.Result first = GlobalOptions.parser().parse(words);
            if (Boolean.TRUE.equals(first.values().get("version"))) {
                stdout.println(BelfryVersion.line());
                return 0;
            }
            service = first.firstPositional();
            if (service < 0) {
                throw new CliException.Usage("the following arguments are required: command");
            }
            String name = words.get(service);
            if (name.equals("help")) {
                stdout.print("usage: " + ErrorReporter.USAGE + "\nAvailable services:\n  o chime\n  o help\n");
                return 0;
            }
            if (!name.equals("chime")) {
                throw new CliException.Usage("argument command: " + Choices.invalid(name, List.of("chime", "help")));
            }
        } catch (Throwable t) {
            return ErrorReporter.report(t, stdout, stderr);
        }
        List<String> rest = new ArrayList<>(words);
        rest.remove(service);
        return ChimeCli.run(rest.toArray(String[]::new), stdin, stdout, stderr, env);
    }
}
