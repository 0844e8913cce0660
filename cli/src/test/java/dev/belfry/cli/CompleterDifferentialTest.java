package dev.belfry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.model.ServiceModel;
import dev.belfry.testsupport.RequiredTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code belfry completer} against Debian's AWS CLI v2 {@code /usr/libexec/aws_completer} over many command
 * lines. The AWS CLI's chime has 191 commands and Belfry 62: where aws_completer offers command names, Belfry's
 * must be its list less the ones Belfry does not have. Where aws_completer offers nothing after an option with
 * a closed set of values, Belfry offers the values (D47), asserted separately.
 */
class CompleterDifferentialTest {
    static final Path AWS_COMPLETER = Path.of("/usr/libexec/aws_completer");

    /** Lines whose completions aws_completer and Belfry's agree on exactly (operations filtered to Belfry's). */
    static final List<String> COMMANDS = List.of(
            "aws chime batch-",
            "aws chime ",
            "aws chime list-r",
            "aws chime list-rooms",
            "aws chime x",
            "aws chime help ",
            "aws chime --debug ",
            "aws --debug chime ",
            "aws --output json chime b",
            "aws ",
            "aws c",
            "aws chim",
            "aws chime");

    /** The service word: aws_completer's services are all of AWS; belfry's are chime and its own commands. */
    static final Set<String> SERVICE_WORD = Set.of("aws ", "aws c", "aws chim", "aws chime");

    static final List<String> SAME = List.of(
            "aws chime list-rooms ",
            "aws chime list-rooms --",
            "aws chime create-room --acc",
            "aws chime create-room --account-id x --",
            "aws chime create-room --account-id x --name y --cli",
            "aws chime create-room --account-id=x --",
            "aws chime list-rooms --region ",
            "aws chime list-rooms --region us",
            "aws --region us-e",
            "aws --region ",
            "aws --region=us ",
            "aws --profile ",
            "aws --out",
            "aws --",
            "aws -",
            "aws",
            "aws chime --",
            "aws chime --d",
            "aws chime x ",
            "aws chime list-rooms x --",
            "aws chime list-rooms ./x --ac",
            "aws chime list-rooms ./x ",
            "aws chime list-rooms --account-id x",
            "aws chime list-rooms --account-id x ",
            "aws chime list-rooms --account-id ",
            "aws chime update-room-membership --account-id a --room-id b --member-id c --",
            "aws chime batch-create-room-membership --membership-item-list a b --",
            "aws chime batch-create-room-membership --membership-item-list a b",
            "aws chime batch-create-room-membership --membership-item-list a b ",
            "aws chime batch-create-room-membership --generate-cli-skeleton --",
            "aws chime batch-create-room-membership --generate-cli-skeleton input --",
            "aws chime batch-create-room-membership --generate-cli-skeleton ",
            "aws --debug chime list-rooms --",
            "aws --output json chime list-rooms --o",
            "aws chime list-rooms --output json --",
            "aws chime list-accounts --max-items 3 --",
            "aws chime list-accounts --",
            "aws chime list-rooms --debug --no-paginate --",
            "aws chime list-rooms --no-",
            "aws chime list-rooms --cli-input-json file:///nonexistent",
            "aws chime list-rooms --cli-input-json file:///us",
            "aws chime list-rooms --cli-input-json file:///usr/",
            "aws chime list-rooms --cli-input-json fileb:///usr/li",
            "aws chime list-rooms --cli-input-json file://~",
            "aws chime list-rooms --cli-input-json file://po",
            "aws chime list-rooms --query ",
            "aws chime list-rooms --query a --",
            "aws chime list-rooms --query a --query b --",
            "aws chime list-rooms help",
            "aws  chime   list-rooms   --ac",
            "aws chime get-room --account-id a --room-id b --",
            "aws chime update-user --user-id u --",
            "aws chime list-users --account-id a --",
            "aws chime create-user --",
            "aws chime update-room --account-id a --room-id b --name",
            "aws chime reset-personal-pin --",
            "aws chime search-available-phone-numbers --",
            "aws chime update-account-settings --account-settings ");

    private static List<String> awsCompleter(String line, int point) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(AWS_COMPLETER.toString());
        pb.environment().put("COMP_LINE", line);
        pb.environment().put("COMP_POINT", Integer.toString(point));
        pb.environment().put("HOME", home().toString());
        pb.directory(new java.io.File(".").getAbsoluteFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).endsWith("\n");
        String body = out.substring(0, out.length() - 1);
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n", -1));
    }

    private static Path home;

    static synchronized Path home() throws Exception {
        if (home == null) {
            home = Files.createTempDirectory("belfry-completer-home");
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), "[default]\nregion=us-east-1\n[profile team]\n[other]\n");
            Files.writeString(home.resolve(".aws/credentials"), "[team]\n[ci]\n");
        }
        return home;
    }

    private static List<String> belfry(String awsLine, int point) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home().toString());
        String line = "belfry" + awsLine.substring(3);
        return new Completer(ServiceModel.chime(), env).complete(line, point + 3);
    }

    @Test
    void completesAsAwsCompleterDoes() throws Exception {
        RequiredTools.require(Files.isExecutable(AWS_COMPLETER), AWS_COMPLETER + " (apt-get install awscli)");
        Set<String> ops = ChimeCli.commandTable(ServiceModel.chime()).keySet();
        List<String> failures = new ArrayList<>();
        List<String> lines = new ArrayList<>(SAME);
        lines.addAll(COMMANDS);
        for (String line : lines) {
            List<String> expected = new ArrayList<>(awsCompleter(line, line.length()));
            if (COMMANDS.contains(line)) {
                // command names: only the chime commands Belfry has, and chime alone of the services
                expected.removeIf(n -> !n.startsWith("-") && !n.equals("chime") && !ops.contains(n));
            }
            if (SERVICE_WORD.contains(line)) {
                // called as belfry, the launcher's own commands are first words too
                String word = line.endsWith(" ") ? "" : line.substring(line.lastIndexOf(' ') + 1);
                expected.clear();
                Completer.LAUNCHER_COMMANDS.stream()
                        .filter(c -> c.startsWith(word))
                        .forEach(expected::add);
                assertThat(awsCompleter(line, line.length())).as(line).contains("chime");
            }
            List<String> actual = belfry(line, line.length());
            if (!actual.equals(expected)) {
                failures.add(line + "\n  aws:    " + expected + "\n  belfry: " + actual);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theLaunchersOwnCommandsAreCompletedAsWordsAndLeftToPicocliAfter() throws Exception {
        assertThat(belfry("aws se", 6)).containsExactly("serve");
        assertThat(belfry("aws ", 4)).containsExactly("admin", "chime", "generate-completion", "serve");
        assertThat(belfry("aws serve --", 12)).isEmpty();
        assertThat(belfry("aws admin create-account --", 27)).isEmpty();
        Map<String, String> env = Map.of("HOME", home().toString());
        // through the shim (the program word is aws) only chime is Belfry's
        assertThat(new Completer(ServiceModel.chime(), env).complete("aws ", 4)).containsExactly("chime");
    }

    @Test
    void theCursorAndNotTheLineEndIsWhereItCompletes() throws Exception {
        RequiredTools.require(Files.isExecutable(AWS_COMPLETER), AWS_COMPLETER + " (apt-get install awscli)");
        String line = "aws chime list-rooms --acc --debug";
        int point = "aws chime list-rooms --acc".length();
        assertThat(belfry(line, point)).isEqualTo(awsCompleter(line, point)).containsExactly("--account-id");
        String mid = "aws chime list-rooms --account-id a --m --debug";
        int at = "aws chime list-rooms --account-id a --m".length();
        assertThat(belfry(mid, at)).isEqualTo(awsCompleter(mid, at)).containsExactly("--member-id", "--max-results");
    }

    @Test
    void afterAnOptionWithAClosedSetOfValuesItOffersThemWhereAwsCompleterOffersNothing() throws Exception {
        RequiredTools.require(Files.isExecutable(AWS_COMPLETER), AWS_COMPLETER + " (apt-get install awscli)");
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("aws chime update-room-membership --role ", List.of("Administrator", "Member"));
        cases.put("aws chime update-room-membership --role M", List.of("Member"));
        cases.put("aws chime create-user --user-type ", List.of("PrivateUser", "SharedDevice"));
        cases.put("aws chime list-users --account-id a --user-type P", List.of("PrivateUser"));
        cases.put("aws chime list-rooms --output ", List.of("json", "text", "table", "yaml", "yaml-stream"));
        cases.put("aws --output y", List.of("yaml", "yaml-stream"));
        cases.put("aws chime list-rooms --color ", List.of("on", "off", "auto"));
        cases.put("aws --cli-binary-format r", List.of("raw-in-base64-out"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            String line = c.getKey();
            assertThat(awsCompleter(line, line.length())).as(line).isEmpty();
            assertThat(belfry(line, line.length())).as(line).isEqualTo(c.getValue());
        }
    }

    @Test
    void profilesComeFromTheConfigAndCredentialsFiles() throws Exception {
        RequiredTools.require(Files.isExecutable(AWS_COMPLETER), AWS_COMPLETER + " (apt-get install awscli)");
        for (String line :
                List.of("aws --profile ", "aws chime list-rooms --profile t", "aws --profile=x --profile c")) {
            assertThat(belfry(line, line.length())).as(line).isEqualTo(awsCompleter(line, line.length()));
        }
        assertThat(belfry("aws --profile ", "aws --profile ".length())).containsExactly("default", "team", "ci");
    }
}
