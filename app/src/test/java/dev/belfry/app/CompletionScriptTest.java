package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * {@code belfry generate-completion} sourced in a real bash: picocli completes serve and admin, and the AWS CLI's
 * command line goes to {@code belfry completer} (a stand-in here that echoes what it was given).
 */
class CompletionScriptTest {
    private static String complete(String line, String... words) throws Exception {
        Path dir = Files.createTempDirectory("belfry-completion");
        Path script = dir.resolve("belfry.bash");
        Files.writeString(script, CompletionScript.bash());
        Path fake = dir.resolve("belfry");
        Files.writeString(
                fake,
                "#!/bin/sh\n[ \"$1\" = completer ] && printf '%s\\n' \"from-completer:$COMP_LINE:$COMP_POINT\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String program = "source " + script + "\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\nCOMP_POINT=" + line.length() + "\n"
                + "_belfry_dispatch belfry '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", program);
        pb.environment().put("PATH", dir + ":/usr/bin:/bin");
        // picocli's function calls compopt, which says "not currently executing completion function" outside TAB
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void serveAndAdminArePicocliTheRestIsTheCompleter() throws Exception {
        assertThat(complete("belfry serve --po", "belfry", "serve", "--po")).isEqualTo("--port\n");
        assertThat(complete("belfry admin create-account --ty", "belfry", "admin", "create-account", "--ty"))
                .isEqualTo("--type\n");
        assertThat(complete("belfry se", "belfry", "se")).isEqualTo("serve\n");
        // issue 17's account transfer commands (D126) are admin's like the others
        assertThat(complete("belfry admin exp", "belfry", "admin", "exp")).isEqualTo("export\n");
        assertThat(complete("belfry admin export --acc", "belfry", "admin", "export", "--acc"))
                .isEqualTo("--account-id\n");
        assertThat(complete("belfry admin imp", "belfry", "admin", "imp")).isEqualTo("import\n");
        assertThat(complete("belfry chime list-room", "belfry", "chime", "list-room"))
                .isEqualTo("from-completer:belfry chime list-room:22\n");
        assertThat(complete("belfry --region x chime l", "belfry", "--region", "x", "chime", "l"))
                .isEqualTo("from-completer:belfry --region x chime l:25\n");
    }
}
