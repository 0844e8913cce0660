package dev.belfry.cli.output;

import dev.belfry.cli.CliException;

/** The factory behind --output (formatter.py {@code get_formatter}); --query is compiled here, lazily. */
public final class Formatters {
    private Formatters() {}

    public static Formatter create(String output, String queryText) {
        Query query = queryText == null ? null : JmesQuery.compile(queryText);
        return switch (output) {
            case "json" -> new JsonFormatter(query);
            case "text" -> new TextFormatter(query);
            case "table" -> new TableFormatter(query);
            case "yaml" -> new YamlFormatter(query, false);
            case "yaml-stream" -> new YamlFormatter(query, true);
            default -> throw new CliException("Unknown output type: " + output);
        };
    }

    /**
     * Compiles --query as globalargs.py's resolve_types does, right after the global options are parsed: a bad
     * expression fails before the operation's own arguments are looked at.
     */
    public static void checkQuery(String queryText) {
        if (queryText != null) {
            JmesQuery.compile(queryText);
        }
    }

    /** Block YAML for any value, as the YAML formatter writes it. */
    public static String yaml(Object value) {
        return YamlFormatter.dump(value);
    }

    /** A string as a YAML plain or quoted scalar. */
    public static String yamlKey(String text) {
        return YamlEmitter.scalar(text);
    }
}
