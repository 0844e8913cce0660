package dev.belfry.cli.output;

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
        out.print(PyJsonWriter.pretty(data) + "\n");
    }
}
