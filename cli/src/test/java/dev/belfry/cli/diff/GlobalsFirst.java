package dev.belfry.cli.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A case's line rewritten as most scripts write it: {@code [global options] chime <operation> [arguments]}. */
final class GlobalsFirst {
    /** The AWS CLI's global options (data/cli.json) that take a value. */
    private static final Set<String> VALUED = Set.of(
            "--endpoint-url",
            "--output",
            "--query",
            "--profile",
            "--region",
            "--color",
            "--ca-bundle",
            "--cli-read-timeout",
            "--cli-connect-timeout",
            "--cli-binary-format");

    private static final Set<String> FLAGS = Set.of(
            "--debug",
            "--no-verify-ssl",
            "--no-paginate",
            "--version",
            "--no-sign-request",
            "--no-cli-pager",
            "--cli-auto-prompt",
            "--no-cli-auto-prompt");

    private GlobalsFirst() {}

    /** @param chimeArgs the words after {@code chime}; global options are recognised by their full name only */
    static List<String> line(List<String> chimeArgs) {
        List<String> globals = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < chimeArgs.size(); i++) {
            String w = chimeArgs.get(i);
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (FLAGS.contains(w) || (VALUED.contains(name) && w.contains("="))) {
                globals.add(w);
            } else if (VALUED.contains(w) && i + 1 < chimeArgs.size()) {
                globals.add(w);
                globals.add(chimeArgs.get(++i));
            } else {
                rest.add(w);
            }
        }
        List<String> line = new ArrayList<>(globals);
        line.add("chime");
        line.addAll(rest);
        return line;
    }
}
