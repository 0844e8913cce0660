package dev.belfry.cli.output;

import dev.belfry.cli.CliException;
import dev.belfry.cli.jmespath.ExpRef;
import dev.belfry.cli.json.PyJsonWriter;
import java.io.PrintStream;
import java.util.Map;

/** --output json: indent 4, non-ASCII kept, nothing at all for an empty response. */
public final class JsonFormatter implements Formatter {
    private final Query query;

    public JsonFormatter(Query query) {
        this.query = query;
    }

    @Override
    public void format(String commandName, Map<String, Object> response, PrintStream out) {
        Object data = ResponseView.transform(response, query);
        if (data instanceof Map<?, ?> map && map.isEmpty()) {
            return;
        }
        String text = PyJsonWriter.pretty(data);
        ExpRef ref = query == null ? null : ResponseView.firstExpressionReference(data);
        if (ref != null) {
            out.print(text.substring(0, Math.max(0, text.indexOf(ref.toString()))));
            out.flush();
            throw new CliException("Circular reference detected");
        }
        out.print(text + "\n");
    }
}
