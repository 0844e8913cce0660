package dev.belfry.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * --cli-auto-prompt. When standard input is not a terminal the AWS CLI's prompt toolkit prints a
 * warning and the command fails with exit 255 and an empty message; that is reproduced here. In a
 * terminal, {@code InteractivePrompt} (JLine, loaded only then) asks for each argument.
 */
final class AutoPrompt {
    private AutoPrompt() {}

    static void require(InputStream stdin, java.io.PrintStream stderr) {
        if (!isTerminal(stdin)) {
            stderr.print("Warning: Input is not a terminal (fd=0).\n");
            throw new CliException("");
        }
    }

    static boolean isTerminal(InputStream stdin) {
        if (stdin != System.in) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
