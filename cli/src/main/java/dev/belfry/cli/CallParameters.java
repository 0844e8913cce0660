package dev.belfry.cli;

import dev.belfry.cli.args.ArgumentTable;
import dev.belfry.cli.args.CliArgument;
import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.cli.param.ArgumentUnpacker;
import dev.belfry.cli.param.ParamFiles;
import dev.belfry.cli.param.PyRepr;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the operation's parameters from parsed options (clidriver {@code _build_call_parameters}),
 * then merges --cli-input-json/--cli-input-yaml underneath them: explicit arguments win, and keys
 * only in the input file are appended after them, as cliinput.py does.
 */
final class CallParameters {
    private CallParameters() {}

    static Map<String, Object> build(ArgumentTable table, Map<String, Object> values, Map<String, String> env) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (CliArgument arg : table.arguments().values()) {
            if (arg.member() == null || !values.containsKey(arg.name())) {
                continue;
            }
            Object value = ArgumentUnpacker.unpack(arg.cliName(), arg.shape(), values.get(arg.name()), env);
            if (value != null) {
                params.put(arg.member().name(), value);
            }
        }
        return params;
    }

    static void mergeInput(Map<String, Object> params, Map<String, Object> values, Map<String, String> env) {
        Object json = values.get("cli-input-json");
        Object yaml = values.get("cli-input-yaml");
        if (json == null && yaml == null) {
            return;
        }
        if (json != null && yaml != null) {
            throw new CliException.ParamValidation("Only one --cli-input- parameter may be specified.");
        }
        String name = json != null ? "cli-input-json" : "cli-input-yaml";
        Object raw = json != null ? json : yaml;
        Object fromFile = ParamFiles.load(raw, env, "--" + name);
        String text = fromFile instanceof byte[] b
                ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : fromFile != null ? (String) fromFile : (String) raw;
        Object loaded;
        if (json != null) {
            try {
                loaded = PyJsonReader.read(text);
            } catch (PyJsonException e) {
                throw new CliException.ParamValidation(
                        "Error parsing parameter 'cli-input-json': Invalid JSON received.");
            }
        } else {
            loaded = YamlInput.load(text);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new CliException.ParamValidation("Error parsing parameter '--" + name
                    + "': Invalid type: expecting map, " + "received " + PyRepr.typeOf(loaded));
        }
        map.forEach((k, v) -> params.putIfAbsent(String.valueOf(k), v));
    }
}
