package dev.belfry.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.belfry.cli.CliException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * --query through io.burt's JMESPath over Jackson trees. This class (and with it databind and the
 * JMESPath runtime) is loaded only when --query is given, keeping the common path's start-up short.
 */
final class JmesQuery implements Query {
    private static final JacksonRuntime RUNTIME = new JacksonRuntime();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Expression<JsonNode> expression;

    private JmesQuery(Expression<JsonNode> expression) {
        this.expression = expression;
    }

    static Query compile(String text) {
        try {
            return new JmesQuery(RUNTIME.compile(text));
        } catch (RuntimeException e) {
            throw new CliException.Usage("argument --query: Bad value for --query: " + text + ": " + e.getMessage());
        }
    }

    @Override
    public Object search(Object data) {
        return fromNode(expression.search(toNode(data)));
    }

    private static JsonNode toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            var node = f.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
            return node;
        } else if (value instanceof List<?> list) {
            var node = f.arrayNode();
            list.forEach(v -> node.add(toNode(v)));
            return node;
        } else if (value == null) {
            return f.nullNode();
        } else if (value instanceof String s) {
            return f.textNode(s);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof Long l) {
            return f.numberNode(l);
        } else if (value instanceof Integer i) {
            return f.numberNode(i);
        } else if (value instanceof Double d) {
            return f.numberNode(d);
        } else if (value instanceof java.math.BigDecimal d) {
            return f.numberNode(d);
        } else if (value instanceof java.math.BigInteger b) {
            return f.numberNode(b);
        }
        // Built once, not per value: an ObjectMapper is costly to create and a listing holds thousands of values.
        return MAPPER.valueToTree(value);
    }

    private static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        } else if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), fromNode(e.getValue()));
            }
            return out;
        } else if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(fromNode(n)));
            return out;
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            return node.longValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
