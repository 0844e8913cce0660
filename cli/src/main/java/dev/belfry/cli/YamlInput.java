package dev.belfry.cli;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * --cli-input-yaml, read with SnakeYAML's safe loader (loaded only when this option is used). Values are
 * normalised to the types the JSON reader yields (Long, Double, String, Map, List).
 */
final class YamlInput {
    private YamlInput() {}

    static Object load(String text) {
        try {
            org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
            Object loaded =
                    new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options)).load(text);
            return normalise(loaded);
        } catch (RuntimeException e) {
            throw new CliException.ParamValidation("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalise(v)));
            return out;
        } else if (value instanceof Integer i) {
            return i.longValue();
        } else if (value instanceof Float f) {
            return f.doubleValue();
        } else if (value instanceof Date d) {
            return d.toInstant().toString();
        }
        return value;
    }
}
