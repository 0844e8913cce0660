package dev.belfry.app;

import java.util.Arrays;

/** Entry point. Only the {@code chime} path is start-up critical: it goes straight to the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int code = switch (command) {
            case "chime" -> dev.belfry.cli.ChimeCli.run(rest, System.in, System.out, System.err, System.getenv());
            case "serve" -> ServeCommand.run(rest);
            case "admin" -> AdminCommand.run(rest);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("belfry: unknown command '" + command + "'");
                yield usage(2);
            }
        };
        if (code != ServeCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    private static int usage(int code) {
        (code == 0 ? System.out : System.err)
                .println(String.join(
                        "\n",
                        "usage: belfry <command> [options]",
                        "",
                        "  serve [--port N] [--data DIR] [--db JDBC_URL] [--demo] [--create-account-type TYPE]",
                        "        the Chime chat-room API server (belfry serve --help for all options)",
                        "  chime <operation> [arguments]",
                        "        the AWS CLI's `aws chime` commands against a Belfry server",
                        "  admin create-account --name NAME --type TYPE [--endpoint-url URL]",
                        "  admin migrate --from DATA_DIR --to JDBC_URL",
                        "        operator tasks the Chime API never had"));
        return code;
    }
}
