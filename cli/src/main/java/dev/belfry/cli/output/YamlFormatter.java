package dev.belfry.cli.output;

import dev.belfry.cli.CliException;
import dev.belfry.cli.jmespath.ExpRef;
import dev.belfry.cli.json.PyJsonWriter;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * --output yaml and yaml-stream (formatter.py YAMLFormatter / StreamedYAMLFormatter): scalars are
 * written as JSON, collections as block YAML by {@link YamlEmitter}; yaml-stream wraps each response
 * in a one-element list.
 */
public final class YamlFormatter implements Formatter {
    private final Query query;
    private final boolean stream;

    public YamlFormatter(Query query, boolean stream) {
        this.query = query;
        this.stream = stream;
    }

    @Override
    public void format(String commandName, Map<String, Object> response, PrintStream out) {
        Object data = ResponseView.transform(response, query);
        if (data instanceof Map<?, ?> map && map.isEmpty()) {
            return;
        }
        ExpRef ref = query == null ? null : ResponseView.firstExpressionReference(data);
        if (ref != null) {
            throw new CliException("cannot represent an object: " + ref);
        }
        out.print(dump(stream ? List.of(data) : data));
    }

    /**
     * yaml and yaml-stream. yaml writes the full result; yaml-stream writes each page as the service sent it
     * (ResponseMetadata dropped, --query run on the page), one one-element list per page, even an empty one
     * (formatter.py StreamedYAMLFormatter).
     */
    @Override
    public void format(String commandName, PagedResponse pages, PrintStream out) {
        if (!stream) {
            format(commandName, pages.fullResult(), out);
            return;
        }
        for (Map<String, Object> page : pages) {
            Object data = ResponseView.transform(page, query);
            ExpRef ref = query == null ? null : ResponseView.firstExpressionReference(data);
            if (ref != null) {
                throw new CliException("cannot represent an object: " + ref);
            }
            out.print(dump(List.of(data)));
            out.flush();
        }
    }

    static String dump(Object value) {
        if (!(value instanceof Map) && !(value instanceof List)) {
            return PyJsonWriter.inline(value) + "\n";
        }
        return YamlEmitter.emit(value);
    }
}
