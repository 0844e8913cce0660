package dev.belfry.app;

import java.util.Arrays;

/** Entry point. Only the {@code chime} path is start-up critical: it goes straight to the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        if (command.equals("chime")
                || (command.startsWith("-") && !command.equals("-h") && !command.equals("--help"))) {
            // The AWS CLI's whole line: global options may come before `chime` (and --version alone).
            System.exit(dev.belfry.cli.AwsCommandLine.run(args, System.in, System.out, System.err, System.getenv()));
        }
        int code = switch (command) {
            case "serve" -> ServeCommand.run(rest);
            case "admin" -> {
                // the two signed calls without picocli when the line is plain (AdminFastPath says why)
                Integer fast = AdminFastPath.run(rest, System.getenv(), System.out, System.err);
                yield fast != null ? fast : AdminCommand.run(rest);
            }
            case "rooms" -> RoomsCommand.run(rest);
            case "audit" -> AuditCommand.run(rest);
            case "generate-completion" -> CompletionScript.run();
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
                        "  [aws global options] chime [aws global options] <operation> [arguments]",
                        "        the AWS CLI's `aws chime` commands against a Belfry server",
                        "  --version",
                        "        Belfry's version, the AWS CLI version it matches, the Java runtime",
                        "  admin create-account --name NAME --type TYPE [--endpoint-url URL]",
                        "  admin set-account-status --account-id ID --status Active|Suspended [--endpoint-url URL]",
                        "  admin migrate --from DATA_DIR --to JDBC_URL",
                        "        operator tasks the Chime API never had",
                        "  rooms add-members --account-id A --room-id R (--members ID[:ROLE] ... | --from FILE)",
                        "  rooms sync-members --account-id A --room-id R --from FILE [--dry-run] [--keep-absent]",
                        "        room membership past the API's 50 a call: progress, --resume, declarative sync",
                        "  audit [--account-id A] [--room-id R] [--member-id M] [--since T] [--ndjson]",
                        "        the audit trail of room membership changes",
                        "  completer",
                        "        bash's completion hook: complete -C 'belfry completer' belfry (or aws, through the shim)",
                        "  generate-completion",
                        "        a bash completion script for all of belfry: source <(belfry generate-completion)"));
        return code;
    }
}
