package dev.belfry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * NOTICE names every library the shaded jar bundles, with its version: the list is the build's own (maven-dependency-
 * plugin's {@code list} of app's runtime dependencies, which is what maven-shade bundles, into
 * target/bundled-libraries.txt), so a new or updated dependency fails here until NOTICE says what it is.
 */
class NoticeTest {
    private static final Pattern LINE = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:([^:\\s]+):(compile|runtime)");

    @Test
    void everyBundledLibraryIsNamedWithItsVersion() throws Exception {
        String notice = Files.readString(Path.of("../NOTICE"), StandardCharsets.UTF_8);
        List<String> bundled = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/bundled-libraries.txt"), StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                bundled.add(m.group(1) + ":" + m.group(2) + " " + m.group(3));
            }
        }
        assertThat(bundled).as("libraries in target/bundled-libraries.txt").hasSizeGreaterThan(10);
        List<String> missing =
                bundled.stream().filter(b -> !notice.contains("  " + b + " — ")).toList();
        assertThat(missing)
                .as("bundled libraries NOTICE does not name as `  groupId:artifactId version — license`")
                .isEmpty();
        assertThat(notice).contains("botocore").contains("Amazon.com, Inc.");
    }

    @Test
    void theReleaseConfigFileDocumentsEverySetting() throws Exception {
        String conf = Files.readString(Path.of("src/release/conf/belfry.properties"), StandardCharsets.UTF_8);
        List<String> undocumented = SettingsLayers.KEYS.stream()
                .filter(key -> !Pattern.compile("(?m)^# " + Pattern.quote(key) + " = ")
                        .matcher(conf)
                        .find())
                .sorted()
                .toList();
        assertThat(undocumented)
                .as("settings without a commented `# key = default` line in conf/belfry.properties")
                .isEmpty();
        assertThat(conf.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .as("uncommented lines")
                .isEmpty();
    }
}
