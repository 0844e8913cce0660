package dev.belfry.cli.args;

import java.util.ArrayList;
import java.util.List;

/** The AWS CLI's "Invalid choice, valid choices are:" text (argparser.py {@code _check_value}), two per line. */
public final class Choices {
    private Choices() {}

    public static String invalid(String value, List<String> choices) {
        List<String> lines = new ArrayList<>();
        lines.add("Invalid choice, valid choices are:\n");
        for (int i = 0; i < choices.size(); i += 2) {
            List<String> current = new ArrayList<>();
            for (String c : choices.subList(i, Math.min(i + 2, choices.size()))) {
                current.add(String.format("%-40s", c));
            }
            lines.add(String.join(" | ", current));
        }
        List<String> close = CloseMatches.of(value, choices);
        if (!close.isEmpty()) {
            lines.add("\n\nInvalid choice: '" + value + "', maybe you meant:\n");
            for (String word : close) {
                lines.add("  * " + word);
            }
        }
        return String.join("\n", lines);
    }
}
