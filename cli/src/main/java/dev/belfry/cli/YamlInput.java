package dev.belfry.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * --cli-input-yaml (inline or file://), read as YAML 1.2 like the AWS CLI's ruamel.yaml: snakeyaml-engine with
 * the core schema, so {@code Name: no} and {@code 12:30} stay strings (YAML 1.1's booleans and base-60 numbers
 * are gone). Loaded only when this option is used. Values are normalised to the types the JSON reader yields
 * (Long, Double, String, Map, List).
 */
final class YamlInput {
    private YamlInput() {}

    static Object load(String text) {
        try {
            org.snakeyaml.engine.v2.api.LoadSettings settings = org.snakeyaml.engine.v2.api.LoadSettings.builder()
                    .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
                    .build();
            return normalise(new org.snakeyaml.engine.v2.api.Load(settings).loadFromString(text));
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
        } else if (value instanceof java.math.BigInteger b) {
            return b.longValue();
        } else if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
