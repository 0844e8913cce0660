package dev.belfry.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./belfry} installed as a symlink on PATH (through a relative link to an absolute one), and the shell
 * completer through it: {@code complete -C 'belfry completer' belfry}, the launcher called as {@code
 * aws_completer}, and the aws shim's completion handing other services to the other AWS CLI's completer. The
 * launcher runs this module's classes (BELFRY_CLASSPATH): the symlink resolution and routing are the real ones.
 */
class LauncherSymlinkIT {
    record Run(int exit, String stdout, String stderr) {}

    private static Run run(Path program, List<String> args, Map<String, String> extra, Path path) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(program.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", path + ":/usr/bin:/bin");
        pb.environment().put("BELFRY_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().remove("BELFRY_AWS_COMPLETER");
        pb.environment().putAll(extra);
        pb.directory(Files.createTempDirectory("belfry-cwd").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, Files.readString(err));
    }

    /** bin/NAME -> ../links/launcher (relative) -> the repository's ./belfry (absolute) */
    private static Path installed(String name) throws Exception {
        Path root = Files.createTempDirectory("belfry-install");
        Path links = Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(links.resolve("launcher"), AwsShim.LAUNCHER);
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(bin.resolve(name), Path.of("..", "links", "launcher"));
        return bin;
    }

    @Test
    void theLauncherWorksThroughASymlinkOnPath() throws Exception {
        Path bin = installed("belfry");
        Run r = run(bin.resolve("belfry"), List.of("--version"), Map.of(), bin);
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("belfry/").contains(" aws-cli/2.9.19 ");
        Run chime = run(bin.resolve("belfry"), List.of("chime", "--version"), Map.of(), bin);
        assertThat(chime).isEqualTo(r);
    }

    @Test
    void theCompleterRunsThroughTheSymlinkAndAsAwsCompleter() throws Exception {
        Path bin = installed("belfry");
        Map<String, String> env = Map.of("COMP_LINE", "belfry chime list-room", "COMP_POINT", "22");
        // bash's complete -C passes the command, the word and the word before it
        Run r = run(bin.resolve("belfry"), List.of("completer", "belfry", "list-room", "chime"), env, bin);
        assertThat(r).isEqualTo(new Run(0, "list-room-memberships\nlist-rooms\n", ""));
        Path completerBin = installed("aws_completer");
        Run again = run(
                completerBin.resolve("aws_completer"),
                List.of("aws", "list-room", "chime"),
                Map.of("COMP_LINE", "aws chime list-room", "COMP_POINT", "19", "BELFRY_AWS_COMPLETER", ""),
                completerBin);
        assertThat(again).isEqualTo(r);
    }

    @Test
    void throughTheAwsShimOtherServicesAreTheOtherCompletersAndChimeIsBelfrys() throws Exception {
        Path bin = installed("belfry");
        Path other = Files.createTempDirectory("other-aws");
        Path fake = other.resolve("aws_completer");
        Files.writeString(fake, "#!/bin/sh\necho \"other: $COMP_LINE|$COMP_POINT\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path path = Path.of(bin + ":" + other);
        Run s3 = run(bin.resolve("belfry"), List.of("completer"), Map.of("COMP_LINE", "aws s3 l"), path);
        assertThat(s3).isEqualTo(new Run(0, "other: aws s3 l|\n", ""));
        Run service = run(bin.resolve("belfry"), List.of("completer"), Map.of("COMP_LINE", "aws chime"), path);
        assertThat(service.stdout()).isEqualTo("other: aws chime|\n");
        Run chime = run(bin.resolve("belfry"), List.of("completer"), Map.of("COMP_LINE", "aws chime list-room"), path);
        assertThat(chime).isEqualTo(new Run(0, "list-room-memberships\nlist-rooms\n", ""));
        // the launcher itself on PATH as aws_completer is never taken for the other completer
        Path self = installed("aws_completer");
        Run loop = run(
                bin.resolve("belfry"),
                List.of("completer"),
                Map.of("COMP_LINE", "aws s3 l"),
                Path.of(self + ":" + other));
        assertThat(loop).isEqualTo(new Run(0, "other: aws s3 l|\n", ""));
    }
}
