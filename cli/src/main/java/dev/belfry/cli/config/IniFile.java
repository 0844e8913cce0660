package dev.belfry.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subset of botocore's ini reading that ~/.aws/config and ~/.aws/credentials use: sections,
 * {@code key = value} (or {@code :}), full-line comments, and indented sub-keys folded into the
 * parent as {@code parent.sub} (for {@code services} sections). A missing file reads as empty.
 */
public final class IniFile {
    private IniFile() {}

    public static Map<String, Map<String, String>> read(Path file) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return sections;
        }
        try {
            Map<String, String> current = null;
            String parentKey = null;
            for (String raw : Files.readAllLines(file)) {
                String line = raw.stripTrailing();
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    current = sections.computeIfAbsent(
                            trimmed.substring(1, trimmed.length() - 1).strip(), k -> new LinkedHashMap<>());
                    parentKey = null;
                    continue;
                }
                if (current == null) {
                    continue;
                }
                boolean indented = Character.isWhitespace(line.charAt(0));
                int sep = indexOfSeparator(trimmed);
                if (sep < 0) {
                    continue;
                }
                String key = trimmed.substring(0, sep).strip();
                String value = trimmed.substring(sep + 1).strip();
                if (indented && parentKey != null) {
                    current.put(parentKey + "." + key, value);
                } else {
                    current.put(key, value);
                    parentKey = value.isEmpty() ? key : null;
                }
            }
        } catch (IOException e) {
            return sections;
        }
        return sections;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}
