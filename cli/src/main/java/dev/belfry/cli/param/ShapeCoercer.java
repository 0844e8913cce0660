package dev.belfry.cli.param;

import dev.belfry.cli.CliException;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Applies the model to a parsed shorthand value, as {@code BackCompatVisitor} does: scalars become
 * integers, floats and booleans by shape, and a single value where a list is expected becomes a
 * one-element list. Mutates the parsed maps and lists in place, like the Python original.
 */
public final class ShapeCoercer {
    private ShapeCoercer() {}

    public static void coerce(Object value, Shape shape) {
        visit(null, null, shape, value);
    }

    @SuppressWarnings("unchecked")
    private static void visit(Object parent, Object key, Shape shape, Object value) {
        if (shape instanceof Shape.Structure struct) {
            if (value instanceof Map<?, ?> map) {
                for (ShapeMember member : struct.members().values()) {
                    visit(map, member.name(), member.shape(), map.get(member.name()));
                }
            }
        } else if (shape instanceof Shape.ListOf list) {
            if (value instanceof List<?> items) {
                for (int k = 0; k < items.size(); k++) {
                    visit(items, k, list.member().shape(), items.get(k));
                }
            } else if (value != null) {
                put(parent, key, new java.util.ArrayList<>(List.of(value)));
            }
        } else if (shape instanceof Shape.MapOf mapShape) {
            if (value instanceof Map<?, ?> map) {
                for (Object k : List.copyOf(map.keySet())) {
                    visit(map, k, mapShape.value().shape(), map.get(k));
                }
            }
        } else if (value != null) {
            scalar(parent, key, shape, value);
        }
    }

    private static void scalar(Object parent, Object key, Shape shape, Object value) {
        String type = Shapes.typeName(shape);
        String text = String.valueOf(value);
        switch (type) {
            case "integer", "long" -> put(parent, key, pyInt(text));
            case "float", "double" -> put(parent, key, pyFloat(text));
            case "boolean" -> {
                if (!(value instanceof String)) {
                    throw new CliException("'" + pyTypeName(value) + "' object has no attribute 'lower'");
                }
                if (text.equalsIgnoreCase("true")) {
                    put(parent, key, Boolean.TRUE);
                } else if (text.equalsIgnoreCase("false")) {
                    put(parent, key, Boolean.FALSE);
                }
            }
            default -> {}
        }
    }

    /** Python's {@code int(str)}; failures surface as the AWS CLI's generic (exit 255) error. */
    public static Object pyInt(String text) {
        String t = text.strip().replace("_", "");
        try {
            BigInteger big = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } catch (NumberFormatException e) {
            throw new CliException("invalid literal for int() with base 10: " + PyRepr.repr(text));
        }
    }

    public static Double pyFloat(String text) {
        String t = text.strip();
        try {
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.matches("[+-]?(inf|infinity)")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            } else if (lower.matches("[+-]?nan")) {
                return Double.NaN;
            } else if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new CliException("could not convert string to float: " + PyRepr.repr(text));
        }
    }

    static String pyTypeName(Object value) {
        if (value instanceof Map) {
            return "dict";
        } else if (value instanceof List) {
            return "list";
        }
        return "str";
    }

    @SuppressWarnings("unchecked")
    private static void put(Object parent, Object key, Object value) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(key, value);
        } else if (parent instanceof List<?> list) {
            ((List<Object>) list).set((Integer) key, value);
        }
    }
}
