package dev.belfry.app;

import dev.belfry.store.CopyProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code admin migrate}'s progress on stderr: on a terminal one bar per table redrawn in place; elsewhere (a log, a
 * pipe) a plain line per batch with the running count, so a long copy is visibly alive in any log.
 */
final class MigrateProgress implements CopyProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private String current;

    MigrateProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Whether stderr is a terminal. Java tells only whether the console (stdin and stdout) is one, so on Linux the
     * descriptor's target is read; elsewhere, no bar.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    @Override
    public void copied(String table, long copied, long total) {
        if (terminal) {
            if (current != null && !current.equals(table)) {
                err.print('\n');
            }
            current = table;
            int filled = total == 0 ? WIDTH : (int) (WIDTH * copied / total);
            err.print(String.format(
                    Locale.ROOT,
                    "\r  %-12s [%s%s] %3d%% %,d/%,d rows",
                    table,
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    total == 0 ? 100 : 100 * copied / total,
                    copied,
                    total));
            err.flush();
        } else if (copied > 0 || total == 0) {
            err.println(String.format(Locale.ROOT, "  %s: %d/%d rows", table, copied, total));
        }
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    void finish() {
        if (terminal && current != null) {
            err.print('\n');
            err.flush();
            current = null;
        }
    }
}
