package dev.belfry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.ServiceModel;
import dev.belfry.testsupport.RequiredTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code belfry chime <operation> help} against {@code /usr/bin/aws chime <operation> help} for every one of
 * Belfry's operations, stdout byte for byte (overstrikes included) and the exit code, with the pager as cat,
 * absent, or unset and stdout not a terminal (less -R). The service page lists only Belfry's operations: it is
 * compared with the AWS CLI's page less the bullets of the Chime commands Belfry does not have.
 */
class HelpDifferentialIT {
    record Shown(int exit, String stdout, String stderr) {}

    private static Map<String, String> env(Path home, String pager) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        if (pager != null) {
            env.put("PAGER", pager);
        }
        return env;
    }

    static Shown aws(List<String> words, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(RequiredTools.awsCliV2().toString()));
        command.addAll(words);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = Files.createTempFile("aws-help", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Shown(exit, out, Files.readString(err));
    }

    static Shown belfry(List<String> words, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AwsCommandLine.run(
                words.toArray(String[]::new),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Shown(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationsHelpIsTheAwsClisByteForByte() throws Exception {
        RequiredTools.awsCliV2();
        Path home = Files.createTempDirectory("belfry-help-home");
        List<String> ops =
                new ArrayList<>(ChimeCli.commandTable(ServiceModel.chime()).keySet());
        assertThat(ops).hasSize(62);
        // the AWS CLI takes ~1-3 s a page: two at a time on a shared two-CPU machine
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Shown>> real = new LinkedHashMap<>();
            for (int i = 0; i < ops.size(); i++) {
                String op = ops.get(i);
                // the pager: cat, then one not on PATH (raw text and a newline), then unset (less -R, no tty)
                String pager = i % 3 == 0 ? "cat" : i % 3 == 1 ? "no-such-pager" : null;
                Map<String, String> env = env(home, pager);
                real.put(op, pool.submit(() -> aws(List.of("chime", op, "help"), env)));
            }
            int i = 0;
            for (Map.Entry<String, Future<Shown>> e : real.entrySet()) {
                String pager = i % 3 == 0 ? "cat" : i % 3 == 1 ? "no-such-pager" : null;
                i++;
                Shown expected = e.getValue().get();
                assertThat(expected.stdout()).as(e.getKey()).contains("[--generate-cli-skeleton <value>]");
                assertThat(belfry(List.of("chime", e.getKey(), "help"), env(home, pager)))
                        .as("chime %s help (PAGER=%s)", e.getKey(), pager)
                        .isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServicePageIsTheAwsClisLessTheCommandsBelfryDoesNotHave() throws Exception {
        RequiredTools.awsCliV2();
        Path home = Files.createTempDirectory("belfry-help-home");
        Set<String> ops = ChimeCli.commandTable(ServiceModel.chime()).keySet();
        Shown real = aws(List.of("chime", "help"), env(home, "cat"));
        StringBuilder kept = new StringBuilder();
        String[] lines = real.stdout().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("       +\bo ")) {
                String name = line.substring("       +\bo ".length());
                if (!ops.contains(name) && !name.equals("help")) {
                    i++; // and the blank line after the bullet
                    continue;
                }
            }
            kept.append(line);
            if (i < lines.length - 1) {
                kept.append('\n');
            }
        }
        assertThat(belfry(List.of("chime", "help"), env(home, "cat")))
                .isEqualTo(new Shown(real.exit(), kept.toString(), real.stderr()));
    }

    @Test
    void withoutGroffOrMandocItFailsAsTheAwsCliDoes() throws Exception {
        RequiredTools.awsCliV2();
        Path home = Files.createTempDirectory("belfry-help-home");
        Path bin = Files.createTempDirectory("belfry-help-bin");
        Files.createSymbolicLink(bin.resolve("less"), Path.of("/usr/bin/less"));
        Map<String, String> env = env(home, null);
        env.put("PATH", bin.toString());
        Shown real = aws(List.of("chime", "list-rooms", "help"), env);
        assertThat(real.exit()).isEqualTo(255);
        assertThat(belfry(List.of("chime", "list-rooms", "help"), env)).isEqualTo(real);
    }
}
