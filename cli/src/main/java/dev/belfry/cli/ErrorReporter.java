package dev.belfry.cli;

import java.io.PrintStream;

/**
 * The one place that turns a failure into stderr text and an exit code, in the order of the AWS CLI's
 * {@code construct_cli_error_handlers_chain} (errorhandler.py).
 */
final class ErrorReporter {
    /**
     * The program name argparse prints: "belfry", or "aws" when the launcher runs as the {@code aws} shim
     * (it sets belfry.prog), where {@code aws chime help} is what works.
     */
    static final String PROG = System.getProperty("belfry.prog", "belfry");

    static final String USAGE = PROG + " [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n\n  " + PROG + " help\n  " + PROG + " <command> help\n  "
            + PROG + " <command> <subcommand> help\n";

    private ErrorReporter() {}

    static int report(Throwable error, PrintStream stdout, PrintStream stderr) {
        if (error instanceof CliException.ParamValidation) {
            return plain(stderr, error.getMessage(), 252);
        } else if (error instanceof CliException.Usage) {
            return plain(stderr, "usage: " + USAGE + "\n" + PROG + ": error: " + error.getMessage() + "\n", 252);
        } else if (error instanceof CliException.UnknownArgument) {
            return plain(stderr, "usage: " + USAGE + "\n" + error.getMessage() + "\n", 252);
        } else if (error instanceof CliException.Configuration) {
            return plain(stderr, error.getMessage(), 253);
        } else if (error instanceof CliException.Interrupted) {
            stdout.print("\n");
            return 130;
        } else if (error instanceof CliException.ServiceError) {
            return plain(stderr, error.getMessage(), 254);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return plain(stderr, message, 255);
    }

    private static int plain(PrintStream stderr, String message, int code) {
        stderr.print("\n" + message + "\n");
        stderr.flush();
        return code;
    }
}
