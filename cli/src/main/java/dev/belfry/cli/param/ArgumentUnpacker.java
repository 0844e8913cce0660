package dev.belfry.cli.param;

import dev.belfry.cli.CliException;
import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import dev.belfry.model.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one option's command-line words into a parameter value, in the AWS CLI's order: file:// and
 * fileb:// first (paramfile.py), then shorthand when the shape allows it and the value does not look
 * like JSON (ParamShorthandParser), otherwise JSON or scalar conversion by shape (unpack_cli_arg).
 * Errors carry the option name. Stateless.
 */
public final class ArgumentUnpacker {
    private ArgumentUnpacker() {}

    /** @param raw a String, a List of Strings (nargs='+'), or a Boolean for flags */
    public static Object unpack(String cliName, Shape shape, Object raw, Map<String, String> env) {
        Object value = raw;
        Object loaded = ParamFiles.load(raw, env, cliName);
        if (loaded != null) {
            value = loaded;
        }
        if (value instanceof byte[] bytes && bytes.length > 0 && Shapes.supportsShorthand(shape)) {
            // The AWS CLI hands fileb:// bytes to its shorthand parser, which fails on the first byte.
            throw new CliException("'in <string>' requires string as left operand, not int");
        }
        if (shouldParseAsShorthand(shape, value)) {
            return shorthand(cliName, shape, value);
        }
        return unpackCliArg(cliName, shape, value);
    }

    private static boolean shouldParseAsShorthand(Shape shape, Object value) {
        Object check = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
        if (check instanceof String s && (s.strip().startsWith("[") || s.strip().startsWith("{"))) {
            return false;
        }
        return Shapes.supportsShorthand(shape);
    }

    private static Object shorthand(String cliName, Shape shape, Object value) {
        if (shape instanceof Shape.Structure struct
                && struct.members().size() == 1
                && struct.members().containsKey("Value")
                && struct.member("Value").shape() instanceof Shape.Str
                && value instanceof String s
                && !s.contains("=")) {
            Map<String, Object> single = new LinkedHashMap<>();
            single.put("Value", s);
            return single;
        }
        try {
            Object parsed;
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>();
                for (Object v : list) {
                    items.add(new ShorthandParser().parse((String) v));
                }
                parsed = items;
            } else {
                parsed = new ShorthandParser().parse(textOf(value));
            }
            ShapeCoercer.coerce(parsed, shape);
            return parsed;
        } catch (ShorthandSyntaxException e) {
            throw paramError(cliName, e.getMessage());
        }
    }

    static Object unpackCliArg(String cliName, Shape shape, Object value) {
        String type = Shapes.typeName(shape);
        if (shape instanceof Shape.Structure || shape instanceof Shape.MapOf) {
            String text = textOf(value);
            if (text.stripLeading().isEmpty()) {
                throw new CliException("string index out of range");
            }
            if (text.stripLeading().charAt(0) == '{') {
                return json(cliName, text);
            }
            throw paramError(cliName, "Invalid JSON:\n" + text);
        } else if (shape instanceof Shape.ListOf list) {
            if (value instanceof String s) {
                if (s.stripLeading().isEmpty()) {
                    throw new CliException("string index out of range");
                }
                if (s.stripLeading().charAt(0) == '[') {
                    return json(cliName, s);
                }
            } else if (value instanceof List<?> words && words.size() == 1) {
                String single = ((String) words.get(0)).strip();
                if (!single.isEmpty() && single.charAt(0) == '[') {
                    return json(cliName, (String) words.get(0));
                }
            }
            List<Object> out = new ArrayList<>();
            for (Object element : iterate(value)) {
                out.add(unpackCliArg(cliName, list.member().shape(), element));
            }
            return out;
        }
        return scalar(type, value);
    }

    private static List<?> iterate(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        String s = textOf(value);
        List<String> chars = new ArrayList<>();
        s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        return chars;
    }

    private static Object scalar(String type, Object value) {
        switch (type) {
            case "integer", "long":
                return value instanceof String s ? ShapeCoercer.pyInt(s) : value;
            case "float", "double":
                return value instanceof String s ? ShapeCoercer.pyFloat(s) : value;
            case "boolean":
                if (value instanceof String s) {
                    return !s.equalsIgnoreCase("false") && !s.isEmpty();
                }
                return value;
            default:
                return value;
        }
    }

    private static Object json(String cliName, String text) {
        try {
            return PyJsonReader.read(text);
        } catch (PyJsonException e) {
            throw paramError(cliName, "Invalid JSON: " + e.getMessage() + "\nJSON received: " + text);
        }
    }

    private static String textOf(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    public static CliException.ParamValidation paramError(String cliName, String message) {
        return new CliException.ParamValidation("Error parsing parameter '" + cliName + "': " + message);
    }
}
