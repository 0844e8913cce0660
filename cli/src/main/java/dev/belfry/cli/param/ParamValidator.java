package dev.belfry.cli.param;

import dev.belfry.cli.CliException;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * botocore's ParamValidator (validate.py): required members, unknown keys, types and minimums, all
 * errors collected and reported together as "Parameter validation failed:" (exit 252). Stateless.
 */
public final class ParamValidator {
    private static final String STR = "<class 'str'>";
    private static final String DICT = "<class 'dict'>";

    private ParamValidator() {}

    public static void validate(Map<String, Object> params, Shape.Structure input) {
        List<String> errors = new ArrayList<>();
        check(params, input, "", errors);
        if (!errors.isEmpty()) {
            throw new CliException.ParamValidation("Parameter validation failed:\n" + String.join("\n", errors));
        }
    }

    private static void check(Object value, Shape shape, String name, List<String> errors) {
        if (shape instanceof Shape.Structure struct) {
            structure(value, struct, name, errors);
        } else if (shape instanceof Shape.ListOf list) {
            if (!(value instanceof List<?> items)) {
                invalidType(value, name, errors, "<class 'list'>", "<class 'tuple'>");
                return;
            }
            range(name, items.size(), list.min(), "invalid length", errors);
            for (int k = 0; k < items.size(); k++) {
                check(items.get(k), list.member().shape(), name + "[" + k + "]", errors);
            }
        } else if (shape instanceof Shape.MapOf map) {
            if (!(value instanceof Map<?, ?> entries)) {
                invalidType(value, name, errors, DICT);
                return;
            }
            entries.forEach((k, v) -> {
                check(k, map.key().shape(), name + " (key: " + k + ")", errors);
                check(v, map.value().shape(), name + "." + k, errors);
            });
        } else if (shape instanceof Shape.Str str) {
            if (!(value instanceof String s)) {
                invalidType(value, name, errors, STR);
                return;
            }
            range(name, s.codePointCount(0, s.length()), str.min(), "invalid length", errors);
        } else if (shape instanceof Shape.Num num) {
            number(value, num, name, errors);
        } else if (shape instanceof Shape.Bool) {
            if (!(value instanceof Boolean)) {
                invalidType(value, name, errors, "<class 'bool'>");
            }
        } else if (shape instanceof Shape.Timestamp) {
            if (!(value instanceof String) && !(value instanceof Number)) {
                invalidType(value, name, errors, "<class 'datetime.datetime'>", "timestamp-string");
            }
        } else if (shape instanceof Shape.Blob) {
            if (!(value instanceof String) && !(value instanceof byte[])) {
                invalidType(value, name, errors, "<class 'bytes'>", "<class 'bytearray'>", "file-like object");
            }
        }
    }

    private static void structure(Object value, Shape.Structure struct, String name, List<String> errors) {
        if (!(value instanceof Map<?, ?> params)) {
            invalidType(value, name, errors, DICT);
            return;
        }
        for (String required : struct.required()) {
            if (!params.containsKey(required)) {
                errors.add("Missing required parameter in " + display(name) + ": \"" + required + "\"");
            }
        }
        List<Object> known = new ArrayList<>();
        for (Object key : params.keySet()) {
            if (!struct.members().containsKey(String.valueOf(key))) {
                errors.add("Unknown parameter in " + display(name) + ": \"" + key + "\", must be one of: "
                        + String.join(", ", struct.members().keySet()));
            } else {
                known.add(key);
            }
        }
        for (Object key : known) {
            ShapeMember member = struct.member(String.valueOf(key));
            check(params.get(key), member.shape(), name + "." + key, errors);
        }
    }

    private static void number(Object value, Shape.Num num, String name, List<String> errors) {
        boolean integral = value instanceof Long || value instanceof Integer || value instanceof BigInteger;
        boolean isBool = value instanceof Boolean;
        if (num.integral() && !(integral || isBool)) {
            invalidType(value, name, errors, "<class 'int'>");
            return;
        }
        if (!num.integral() && !(integral || isBool || value instanceof Double)) {
            invalidType(value, name, errors, "<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>");
            return;
        }
        double d = isBool ? ((Boolean) value ? 1 : 0) : ((Number) value).doubleValue();
        if (num.min() != null && d < num.min()) {
            errors.add("Invalid value for parameter " + display(name) + ", value: " + PyRepr.str(value)
                    + ", valid min value: " + num.min());
        }
    }

    private static void range(String name, long length, Long min, String kind, List<String> errors) {
        if (min != null && length < min) {
            errors.add("Invalid length for parameter " + display(name) + ", value: " + length + ", valid min length: "
                    + min);
        }
    }

    private static void invalidType(Object value, String name, List<String> errors, String... validTypes) {
        errors.add("Invalid type for parameter " + display(name) + ", value: " + PyRepr.str(value) + ", type: "
                + PyRepr.typeOf(value) + ", valid types: " + String.join(", ", validTypes));
    }

    private static String display(String name) {
        if (name.isEmpty()) {
            return "input";
        }
        return name.startsWith(".") ? name.substring(1) : name;
    }
}
