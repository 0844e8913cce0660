package dev.belfry.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.testsupport.RequiredTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher called as {@code aws} hands every command but chime to the next aws on PATH, unchanged. The
 * Chime side of the shim is proven case by case in {@link ChimeDifferentialIT}.
 */
class AwsShimIT {
    record Run(int exit, String stdout, String stderr) {}

    @Test
    void nonChimeCommandsPrintExactlyWhatTheAwsCliPrints() throws Exception {
        RequiredTools.awsCliV2();
        Path home = Files.createTempDirectory("belfry-shim-home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile team]\nregion = eu-west-2\noutput = table\n");
        // the shim must skip global options' values ("--profile team") to find the service, "configure"
        for (List<String> line : List.of(
                List.of("configure", "list"),
                List.of("--profile", "team", "configure", "list"),
                List.of("--region=ap-south-1", "--prof", "team", "configure", "get", "output"),
                List.of("configure", "get", "nothing-here"),
                List.of("s3"))) {
            Run real = run(ChimeDifferentialIT.AWS.toString(), line, home, "/usr/bin:/bin", null);
            Run shim = run(AwsShim.directory().resolve("aws").toString(), line, home, "/usr/bin:/bin", null);
            assertThat(shim).as("aws %s", line).isEqualTo(real);
        }
    }

    @Test
    void argvStdinEnvironmentAndExitCodeReachTheNextAwsOnPathUnchanged() throws Exception {
        Path next = Files.createTempDirectory("belfry-next-aws");
        Path fake = next.resolve("aws");
        Files.writeString(
                fake,
                "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>' \"$a\"; done; echo\ncat\n"
                        + "echo \"MARK=$MARK\" >&2\nexit 7\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createTempDirectory("belfry-shim-home");
        List<String> line = List.of("--output", "chime", "sts", "get-caller-identity", "a b", "");
        Run r = run(
                AwsShim.directory().resolve("aws").toString(),
                line,
                home,
                AwsShim.directory() + ":" + next + ":/usr/bin:/bin",
                "from stdin\n");
        assertThat(r)
                .isEqualTo(new Run(7, "<--output><chime><sts><get-caller-identity><a b><>\nfrom stdin\n", "MARK=x\n"));
    }

    @Test
    void withNoOtherAwsOnPathItSaysSoAndExits255() throws Exception {
        Path home = Files.createTempDirectory("belfry-shim-home");
        // /bin is /usr/bin on merged-usr systems, so PATH gets only the tools the launcher uses, not /usr/bin
        Path tools = Files.createTempDirectory("belfry-tools");
        for (String tool : List.of("bash", "readlink", "basename", "dirname")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
        }
        Run r = run(
                AwsShim.directory().resolve("aws").toString(),
                List.of("s3", "ls"),
                home,
                AwsShim.directory() + ":" + tools,
                null);
        assertThat(r.exit()).isEqualTo(255);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr())
                .contains("Belfry's shim", "only 'aws ... chime ...'", "'s3'", "no other aws was found on PATH");
    }

    private static Run run(String program, List<String> line, Path home, String path, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(line);
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_PAGER", "");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("MARK", "x");
        if (stdin == null) {
            pb.redirectInput(new File("/dev/null"));
        }
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[][] err = new byte[1][];
        Thread t = new Thread(() -> {
            try {
                err[0] = p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                err[0] = new byte[0];
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        t.join();
        return new Run(exit, out, new String(err[0], StandardCharsets.UTF_8));
    }
}
