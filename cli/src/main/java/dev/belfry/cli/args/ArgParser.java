package dev.belfry.cli.args;

import dev.belfry.cli.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small argparse work-alike for the AWS CLI's grammar: {@code --opt value}, {@code --opt=value},
 * unique-prefix abbreviations, nargs='*' lists that stop at the next option, store_true flags with
 * --no- twins, nargs='?' with a const. Hand-written rather than picocli because the AWS CLI's usage
 * errors (exit 252, "aws: error: argument --x: expected one argument", "Unknown options: a, b") and its
 * treatment of unknown words must be reproduced byte for byte. Not thread-safe; one per parse.
 */
public final class ArgParser {
    private final Map<String, CliArgument> options;
    private final Map<String, List<String>> choices;

    private final String exitAction;

    public ArgParser(Map<String, CliArgument> options, Map<String, List<String>> choices) {
        this(options, choices, null);
    }

    /**
     * @param exitAction a flag that, like argparse's action='version', ends the parse where it is met: the
     *     words after it are not read, so their errors never show ({@code aws --version --output bad} prints
     *     the version).
     */
    public ArgParser(Map<String, CliArgument> options, Map<String, List<String>> choices, String exitAction) {
        this.options = options;
        this.choices = choices;
        this.exitAction = exitAction;
    }

    /**
     * Parsed values by option name (String, List of String, Boolean), the words nobody claimed, and the index in
     * the input of the first word that is not an option (argparse's first positional), or -1.
     */
    public record Result(Map<String, Object> values, List<String> extras, int firstPositional) {}

    public Result parse(List<String> words) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> extras = new ArrayList<>();
        int firstPositional = -1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!looksLikeOption(w) || !w.startsWith("--")) {
                if (firstPositional < 0 && !looksLikeOption(w)) {
                    firstPositional = i;
                }
                extras.add(w);
                continue;
            }
            String name = w.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            String resolved = resolve(name);
            if (resolved == null) {
                extras.add(w);
                continue;
            }
            boolean negated = !options.containsKey(resolved) && resolved.startsWith("no-");
            CliArgument arg = negated ? options.get(resolved.substring(3)) : options.get(resolved);
            i = consume(arg, negated, inline, words, i, values);
            if (resolved.equals(exitAction)) {
                break;
            }
        }
        return new Result(values, extras, firstPositional);
    }

    private int consume(
            CliArgument arg, boolean negated, String inline, List<String> words, int i, Map<String, Object> values) {
        String display = "--" + (negated ? "no-" + arg.name() : arg.name());
        switch (arg.arity()) {
            case FLAG -> {
                if (inline != null) {
                    throw new CliException.Usage(
                            "argument " + display + ": ignored explicit argument '" + inline + "'");
                }
                values.put(arg.name(), !negated);
                return i;
            }
            case ONE -> {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= words.size() || looksLikeOption(words.get(i + 1))) {
                        throw new CliException.Usage("argument " + display + ": expected one argument");
                    }
                    value = words.get(++i);
                }
                checkChoice(arg.name(), value);
                values.put(arg.name(), value);
                return i;
            }
            case MANY -> {
                List<String> list = new ArrayList<>();
                if (inline != null) {
                    list.add(inline);
                } else {
                    while (i + 1 < words.size() && !looksLikeOption(words.get(i + 1))) {
                        list.add(words.get(++i));
                    }
                }
                values.put(arg.name(), list);
                return i;
            }
            default -> {
                String value = inline;
                if (value == null && i + 1 < words.size() && !looksLikeOption(words.get(i + 1))) {
                    value = words.get(++i);
                }
                if (value == null) {
                    value = "input";
                }
                checkChoice(arg.name(), value);
                values.put(arg.name(), value);
                return i;
            }
        }
    }

    private void checkChoice(String name, String value) {
        List<String> allowed = choices.get(name);
        if (allowed != null && !allowed.contains(value)) {
            throw new CliException.Usage("argument --" + name + ": " + Choices.invalid(value, allowed));
        }
    }

    /** Exact name, a --no- twin of a flag, or a unique prefix; null when unknown. */
    private String resolve(String name) {
        if (options.containsKey(name) || isNegatedFlag(name)) {
            return name;
        }
        List<String> matches = new ArrayList<>();
        for (String candidate : allNames()) {
            if (candidate.startsWith(name)) {
                matches.add(candidate);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        } else if (matches.size() > 1) {
            List<String> shown = new ArrayList<>();
            matches.forEach(m -> shown.add("--" + m));
            throw new CliException.Usage("ambiguous option: --" + name + " could match " + String.join(", ", shown));
        }
        return null;
    }

    private boolean isNegatedFlag(String name) {
        if (!name.startsWith("no-")) {
            return false;
        }
        CliArgument flag = options.get(name.substring(3));
        return flag != null && flag.arity() == CliArgument.Arity.FLAG && flag.member() != null;
    }

    private List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (CliArgument a : options.values()) {
            names.add(a.name());
            if (a.arity() == CliArgument.Arity.FLAG && a.member() != null) {
                names.add("no-" + a.name());
            }
        }
        return names;
    }

    /**
     * argparse's test for an option word: anything starting with "-" except "-" itself, negative numbers,
     * and words with a space that are not a known option.
     */
    private boolean looksLikeOption(String w) {
        if (!w.startsWith("-") || w.equals("-")) {
            return false;
        }
        String name = w.startsWith("--") ? w.substring(2) : w.substring(1);
        int eq = name.indexOf('=');
        String bare = eq >= 0 ? name.substring(0, eq) : name;
        if (w.startsWith("--") && (options.containsKey(bare) || isNegatedFlag(bare))) {
            return true;
        }
        if (w.matches("-\\d+|-\\d*\\.\\d+")) {
            return false;
        }
        return !w.contains(" ");
    }
}
