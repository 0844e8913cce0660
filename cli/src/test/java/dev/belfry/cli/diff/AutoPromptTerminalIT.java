package dev.belfry.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.testsupport.RequiredTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * --cli-auto-prompt in a real terminal: the CLI runs inside a tmux pane, keys are typed with
 * send-keys, the screen is read with capture-pane. Tab completes an option name; Enter runs the
 * edited command against the stub.
 */
class AutoPromptTerminalIT {
    @Test
    void completesAndRunsInATerminal() throws Exception {
        RequiredTools.tmux();
        String session = "belfry-prompt-" + ProcessHandle.current().pid();
        try (StubServer stub = new StubServer()) {
            stub.reset(Fixtures.ok(200, "{\"Room\":{\"RoomId\":\"r1\",\"Name\":\"Ops\"}}"));
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "env AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 "
                    + java
                    + " -cp '" + classpath + "' dev.belfry.cli.ChimeCli get-room --cli-auto-prompt --endpoint-url "
                    + stub.endpoint() + "; echo EXIT=$?; sleep 60";
            tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "40", command);
            try {
                assertThat(waitFor(session, "> belfry chime get-room")).isTrue();
                tmux("send-keys", "-t", session, "-l", "--", "--acc");
                tmux("send-keys", "-t", session, "Tab");
                assertThat(waitFor(session, "get-room --account-id"))
                        .as(screen(session))
                        .isTrue();
                tmux("send-keys", "-t", session, "-l", "--", "a1 --room-id r1");
                tmux("send-keys", "-t", session, "Enter");
                assertThat(waitFor(session, "EXIT=0")).as(screen(session)).isTrue();
                assertThat(screen(session)).contains("\"Name\": \"Ops\"");
                assertThat(stub.requests())
                        .extracting(StubServer.Request::target)
                        .containsExactly("/accounts/a1/rooms/r1");
            } finally {
                tmux("kill-session", "-t", session);
            }
        }
    }

    private static boolean waitFor(String session, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (screen(session).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String screen(String session) throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
