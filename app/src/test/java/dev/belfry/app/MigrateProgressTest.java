package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** admin migrate's progress: a bar redrawn in place on a terminal, running-count lines elsewhere. */
class MigrateProgressTest {
    @Test
    void aBarPerTableOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MigrateProgress p = new MigrateProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.copied("accounts", 0, 2);
        p.copied("accounts", 1, 2);
        p.copied("accounts", 2, 2);
        p.copied("users", 0, 0);
        p.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r  accounts     [..............................]   0% 0/2 rows"
                        + "\r  accounts     [###############...............]  50% 1/2 rows"
                        + "\r  accounts     [##############################] 100% 2/2 rows\n"
                        + "\r  users        [##############################] 100% 0/0 rows\n");
    }

    @Test
    void linesWithRunningCountsElsewhere() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MigrateProgress p = new MigrateProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.copied("users", 0, 7000);
        p.copied("users", 5000, 7000);
        p.copied("users", 7000, 7000);
        p.copied("bots", 0, 0);
        p.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"))
                .isEqualTo("  users: 5000/7000 rows\n  users: 7000/7000 rows\n  bots: 0/0 rows\n");
    }
}
