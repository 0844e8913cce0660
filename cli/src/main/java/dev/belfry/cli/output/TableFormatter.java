package dev.belfry.cli.output;

import java.io.PrintStream;
import java.util.Map;

/** --output table: a port of formatter.py's TableFormatter over {@link TableRenderer} (table.py). */
public final class TableFormatter implements Formatter {
    private final Query query;

    public TableFormatter(Query query) {
        this.query = query;
    }

    @Override
    public void format(String commandName, Map<String, Object> response, PrintStream out) {
        Object data = ResponseView.transform(response, query);
        TableRenderer renderer = new TableRenderer();
        if (renderer.build(commandName, data)) {
            out.print(renderer.render());
        }
    }
}
