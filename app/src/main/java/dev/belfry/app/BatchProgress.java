package dev.belfry.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a many-call command on stderr: on a terminal one bar redrawn in place; elsewhere (a log, a pipe) a
 * plain line per finished batch, so a long run is visibly alive in any log (as {@link MigrateProgress} does).
 * Thread-safe: batches finish on several threads.
 */
final class BatchProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private final String what;
    private final String step;
    private final int totalItems;
    private final int totalBatches;
    private int items;
    private int batches;
    private int errors;
    private boolean drawn;

    /** @param step what one unit of work is called in the plain lines: "batch", "call" */
    BatchProgress(PrintStream err, boolean terminal, String what, String step, int totalItems, int totalBatches) {
        this.err = err;
        this.step = step;
        this.terminal = terminal;
        this.what = what;
        this.totalItems = totalItems;
        this.totalBatches = totalBatches;
    }

    /** Batches a checkpoint says were finished by an earlier run: counted, not sent. */
    synchronized void resumed(int batchCount, int itemCount, int errorCount) {
        batches += batchCount;
        items += itemCount;
        errors += errorCount;
        if (batchCount > 0 && !terminal) {
            err.println(String.format(
                    Locale.ROOT,
                    "  %s: %d/%d batches already done (resumed), %d/%d members",
                    what,
                    batches,
                    totalBatches,
                    items,
                    totalItems));
        }
        draw();
    }

    synchronized void finished(int itemCount, int errorCount) {
        batches++;
        items += itemCount;
        errors += errorCount;
        if (terminal) {
            draw();
        } else {
            err.println(String.format(
                    Locale.ROOT,
                    "  %s: %s %d/%d done, %d/%d members, %d error(s)",
                    what,
                    step,
                    batches,
                    totalBatches,
                    items,
                    totalItems,
                    errors));
        }
        err.flush();
    }

    private void draw() {
        if (!terminal) {
            return;
        }
        int filled = totalItems == 0 ? WIDTH : (int) ((long) WIDTH * items / totalItems);
        err.print(String.format(
                Locale.ROOT,
                "\r  %s [%s%s] %3d%% %,d/%,d members, %d error(s)",
                what,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                totalItems == 0 ? 100 : 100L * items / totalItems,
                items,
                totalItems,
                errors));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal && drawn) {
            err.print('\n');
            err.flush();
            drawn = false;
        }
    }
}
