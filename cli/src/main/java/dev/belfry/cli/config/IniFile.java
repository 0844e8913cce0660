package dev.belfry.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ~/.aws/config and ~/.aws/credentials as botocore reads them: Python's configparser (keys lower-cased by its
 * optionxform, {@code key = value} or {@code :}, full-line {@code #}/{@code ;} comments, a line indented deeper
 * than its key continues the value, even after blank and comment lines), then botocore's raw_config_parse, which reads a value that begins with a
 * newline as nested {@code sub = value} lines, kept here as {@code parent.sub} (the {@code services} sections).
 * A missing file reads as empty.
 */
public final class IniFile {
    private IniFile() {}

    public static Map<String, Map<String, String>> read(Path file) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return sections;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return sections;
        }
        Map<String, List<String>> current = null;
        Map<String, Map<String, List<String>>> raw = new LinkedHashMap<>();
        String option = null;
        int optionIndent = Integer.MAX_VALUE;
        for (String line : lines) {
            String value = line.strip();
            boolean comment = value.startsWith("#") || value.startsWith(";");
            if (value.isEmpty() || comment) {
                // configparser keeps values open across blank and comment lines (empty_lines_in_values);
                // a blank line is kept only when a continuation follows (joined, then rstripped)
                if (!comment && current != null && option != null) {
                    current.get(option).add("");
                }
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (current != null && option != null && indent > optionIndent) {
                current.get(option).add(value);
                continue;
            }
            optionIndent = indent;
            if (value.startsWith("[") && value.endsWith("]") && value.length() > 2) {
                current = raw.computeIfAbsent(value.substring(1, value.length() - 1), k -> new LinkedHashMap<>());
                option = null;
                continue;
            }
            int sep = indexOfSeparator(value);
            if (current == null || sep < 0) {
                option = null;
                continue;
            }
            option = value.substring(0, sep).strip().toLowerCase(java.util.Locale.ROOT);
            List<String> parts = new ArrayList<>();
            parts.add(value.substring(sep + 1).strip());
            current.put(option, parts);
        }
        raw.forEach((name, options) -> {
            Map<String, String> section = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
            options.forEach((key, parts) -> {
                String joined = String.join("\n", parts).stripTrailing();
                if (joined.startsWith("\n")) {
                    section.put(key, "");
                    for (String sub : joined.substring(1).split("\n")) {
                        int eq = sub.indexOf('=');
                        if (eq >= 0) {
                            section.put(
                                    key + "." + sub.substring(0, eq).strip(),
                                    sub.substring(eq + 1).strip());
                        }
                    }
                } else {
                    section.put(key, joined);
                }
            });
        });
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
