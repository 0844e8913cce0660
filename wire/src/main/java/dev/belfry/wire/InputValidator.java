package dev.belfry.wire;

import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks input values against the model's constraints: required members, enums, string length,
 * patterns, list sizes and numeric ranges. The first violation becomes a BadRequest naming the member.
 */
public final class InputValidator {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private InputValidator() {}

    public static void validate(Shape.Structure input, Map<String, Object> values) {
        structure(input, values, "");
    }

    @SuppressWarnings("unchecked")
    private static void structure(Shape.Structure shape, Map<String, Object> values, String path) {
        for (ShapeMember member : shape.members().values()) {
            Object value = values.get(member.name());
            String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
            if (value == null) {
                if (shape.isRequired(member.name())) {
                    throw new WireException("The required member " + memberPath + " is missing.");
                }
                continue;
            }
            value(member.shape(), value, memberPath);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(Shape shape, Object value, String path) {
        if (shape instanceof Shape.Structure s) {
            structure(s, (Map<String, Object>) value, path);
        } else if (shape instanceof Shape.ListOf l) {
            List<Object> items = (List<Object>) value;
            range(items.size(), l.min(), l.max(), path, "item");
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                    throw new WireException("The member " + path + "[" + i + "] must not be null.");
                }
                value(l.member().shape(), items.get(i), path + "[" + i + "]");
            }
        } else if (shape instanceof Shape.MapOf m) {
            ((Map<String, Object>) value).forEach((k, v) -> {
                if (v != null) {
                    value(m.value().shape(), v, path + "." + k);
                }
            });
        } else if (shape instanceof Shape.Str s) {
            string(s, (String) value, path);
        } else if (shape instanceof Shape.Num n && n.integral()) {
            long number = ((Number) value).longValue();
            if ((n.min() != null && number < n.min()) || (n.max() != null && number > n.max())) {
                throw new WireException("The member " + path + " must be between " + n.min() + " and " + n.max()
                        + "; got " + number + ".");
            }
        }
    }

    private static void string(Shape.Str shape, String value, String path) {
        if (value.indexOf('\0') >= 0) {
            // PostgreSQL cannot store or even compare U+0000 in text (SQLite can): refuse it here, the same on both
            // databases, before any query sees it (D27).
            throw new WireException("The member " + path + " must not contain the NUL character (U+0000).");
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(value)) {
            throw new WireException("The member " + path + " must be one of " + String.join(", ", shape.enumValues())
                    + "; got '" + abbreviate(value) + "'.");
        }
        range(value.codePointCount(0, value.length()), shape.min(), shape.max(), path, "character");
        // Whole-value match, as AWS services validate ("Member must satisfy regular expression pattern: …"):
        // with find() a pattern like ClientRequestToken's [-_a-zA-Z0-9]* would accept anything. DOTALL so
        // NonEmptyString's .*\S.* means "has a non-space" even across line breaks.
        if (shape.pattern() != null
                && !PATTERNS.computeIfAbsent(shape.pattern(), p -> Pattern.compile(p, Pattern.DOTALL))
                        .matcher(value)
                        .matches()) {
            String shown = shape.sensitive() ? "" : " '" + abbreviate(value) + "'";
            throw new WireException(
                    "The member " + path + shown + " does not match the pattern " + shape.pattern() + ".");
        }
    }

    private static void range(long size, Long min, Long max, String path, String unit) {
        if (min != null && size < min) {
            throw new WireException("The member " + path + " must have at least " + min + " " + unit
                    + (min == 1 ? "" : "s") + "; it has " + size + ".");
        }
        if (max != null && size > max) {
            throw new WireException("The member " + path + " must have at most " + max + " " + unit
                    + (max == 1 ? "" : "s") + "; it has " + size + ".");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
