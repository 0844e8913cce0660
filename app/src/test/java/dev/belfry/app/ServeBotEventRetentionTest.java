package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.server.ServerSettings;
import dev.belfry.server.bots.BotEventSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `--bot-event-retention-days` and `--bot-event-dead-retention-days` (D96): 7 and 30 by default, each at least 1. */
class ServeBotEventRetentionTest {
    private BotEventSettings resolve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand(env);
        new CommandLine(command).parseArgs(args);
        ServerSettings settings = command.resolve().settings();
        return settings.messaging().botEvents();
    }

    @Test
    void aWeekForDeliveredEventsAndAMonthForDeadOnesUnlessALayerSaysOtherwise() {
        BotEventSettings defaults = resolve(Map.of());
        assertThat(defaults.deliveredRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.deadRetention()).isEqualTo(Duration.ofDays(30));
        BotEventSettings set =
                resolve(Map.of("BELFRY_BOT_EVENT_DEAD_RETENTION_DAYS", "90"), "--bot-event-retention-days", "2");
        assertThat(set.deliveredRetention()).isEqualTo(Duration.ofDays(2));
        assertThat(set.deadRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void zeroIsRefused() {
        assertThatThrownBy(() -> resolve(Map.of(), "--bot-event-dead-retention-days", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--bot-event-retention-days and --bot-event-dead-retention-days must be at least 1,"
                        + " were 7 and 0");
    }
}
