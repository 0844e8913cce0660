package dev.belfry.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Re-indents a JSON document with 4 spaces, as the AWS CLI prints JSON. */
final class PrettyJson {
    private PrettyJson() {}

    static String indent(String json) {
        JsonFactory factory = new JsonFactory();
        StringWriter out = new StringWriter();
        try (JsonParser parser = factory.createParser(json);
                JsonGenerator g = factory.createGenerator(out)) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("    ", "\n"));
            g.setPrettyPrinter(printer);
            while (parser.nextToken() != null) {
                g.copyCurrentEvent(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
