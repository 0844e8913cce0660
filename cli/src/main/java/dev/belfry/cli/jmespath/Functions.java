package dev.belfry.cli.jmespath;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jmespath.py 1.0.1's built-in functions with its signatures, its argument checks in its order (unknown
 * function, then arity, then each declared argument's type and, for typed arrays, its elements' types) and
 * its messages, which print Python's {@code str()} of the offending value and, for array elements, the
 * Python type name ("str", "NoneType"). What the checks let through behaves as the Python code does:
 * {@code merge} checks only its first argument, {@code min_by} with string and number keys fails with
 * Python's TypeError, {@code ceil} of a float is an int.
 */
final class Functions {
    private Functions() {}

    /** One function's declared argument types (jmespath type names, "array-number" and the like). */
    private record Signature(List<List<String>> args, boolean variadic) {}

    private interface Impl {
        Object apply(List<Object> args);
    }

    private record Function(Signature signature, Impl impl) {}

    private static final Map<String, Function> TABLE = new HashMap<>();

    private static void define(String name, Impl impl, boolean variadic, List<String>... args) {
        TABLE.put(name, new Function(new Signature(List.of(args), variadic), impl));
    }

    private static final List<String> ANY = List.of();

    static {
        define("abs", a -> abs(a.get(0)), false, List.of("number"));
        define("avg", a -> avg(list(a.get(0))), false, List.of("array-number"));
        define("not_null", Functions::notNull, true, ANY);
        define(
                "to_array",
                a -> a.get(0) instanceof List ? a.get(0) : new ArrayList<>(Collections.singletonList(a.get(0))),
                false,
                ANY);
        define(
                "to_string",
                a -> a.get(0) instanceof String ? a.get(0) : Py.jsonDumps(a.get(0), ",", ":", true),
                false,
                ANY);
        define("to_number", a -> toNumber(a.get(0)), false, ANY);
        define("contains", a -> contains(a.get(0), a.get(1)), false, List.of("array", "string"), ANY);
        define("length", a -> length(a.get(0)), false, List.of("string", "array", "object"));
        define(
                "ends_with",
                a -> ((String) a.get(0)).endsWith((String) a.get(1)),
                false,
                List.of("string"),
                List.of("string"));
        define(
                "starts_with",
                a -> ((String) a.get(0)).startsWith((String) a.get(1)),
                false,
                List.of("string"),
                List.of("string"));
        define("reverse", a -> reverse(a.get(0)), false, List.of("array", "string"));
        define("ceil", a -> round(a.get(0), RoundingMode.CEILING), false, List.of("number"));
        define("floor", a -> round(a.get(0), RoundingMode.FLOOR), false, List.of("number"));
        define("join", a -> join((String) a.get(0), list(a.get(1))), false, List.of("string"), List.of("array-string"));
        define("map", a -> map((ExpRef) a.get(0), list(a.get(1))), false, List.of("expref"), List.of("array"));
        define("max", a -> extreme(list(a.get(0)), ">"), false, List.of("array-number", "array-string"));
        define("merge", Functions::merge, true, List.of("object"));
        define("min", a -> extreme(list(a.get(0)), "<"), false, List.of("array-number", "array-string"));
        define("sort", a -> sort(list(a.get(0))), false, List.of("array-string", "array-number"));
        define("sum", a -> sum(list(a.get(0))), false, List.of("array-number"));
        define("keys", a -> new ArrayList<>(((Map<?, ?>) a.get(0)).keySet()), false, List.of("object"));
        define("values", a -> new ArrayList<>(((Map<?, ?>) a.get(0)).values()), false, List.of("object"));
        define("type", a -> type(a.get(0)), false, ANY);
        define("sort_by", a -> sortBy(list(a.get(0)), (ExpRef) a.get(1)), false, List.of("array"), List.of("expref"));
        define(
                "min_by",
                a -> extremeBy(list(a.get(0)), (ExpRef) a.get(1), "<", "min_by"),
                false,
                List.of("array"),
                List.of("expref"));
        define(
                "max_by",
                a -> extremeBy(list(a.get(0)), (ExpRef) a.get(1), ">", "max_by"),
                false,
                List.of("array"),
                List.of("expref"));
    }

    static Object call(String name, List<Object> args) {
        Function f = TABLE.get(name);
        if (f == null) {
            throw new JmesPathException(
                    JmesPathException.Kind.UNKNOWN_FUNCTION,
                    "UnknownFunctionError",
                    "Unknown function: " + name + "()");
        }
        validate(name, f.signature(), args);
        return f.impl().apply(args);
    }

    // ---- argument checks (Functions._validate_arguments and _type_check)

    private static void validate(String name, Signature signature, List<Object> args) {
        int expected = signature.args().size();
        if (signature.variadic()) {
            if (args.size() < expected) {
                throw new JmesPathException(
                        JmesPathException.Kind.INVALID_ARITY,
                        "VariadictArityError",
                        "Expected at least " + expected + " " + argument(expected) + " for function " + name
                                + "(), received " + args.size());
            }
        } else if (args.size() != expected) {
            throw new JmesPathException(
                    JmesPathException.Kind.INVALID_ARITY,
                    "ArityError",
                    "Expected " + expected + " " + argument(expected) + " for function " + name + "(), received "
                            + args.size());
        }
        for (int i = 0; i < expected; i++) {
            List<String> types = signature.args().get(i);
            if (!types.isEmpty()) {
                checkType(name, args.get(i), types);
            }
        }
    }

    private static String argument(int count) {
        return count == 1 ? "argument" : "arguments";
    }

    /** The jmespath type of a Python type name (functions.TYPES_MAP). */
    private static String jmesType(String pythonType) {
        switch (pythonType) {
            case "bool":
                return "boolean";
            case "list":
                return "array";
            case "dict":
                return "object";
            case "NoneType":
                return "null";
            case "str":
                return "string";
            case "float":
            case "int":
                return "number";
            case "_Expression":
                return "expref";
            default:
                return "unknown";
        }
    }

    private static void checkType(String name, Object current, List<String> types) {
        List<String> allowed = new ArrayList<>();
        List<String> subtypes = new ArrayList<>();
        for (String t : types) {
            int dash = t.indexOf('-');
            if (dash >= 0) {
                subtypes.add(t.substring(dash + 1));
                allowed.add(t.substring(0, dash));
            } else {
                allowed.add(t);
            }
        }
        String actual = Py.typeName(current);
        if (!allowed.contains(jmesType(actual)) || jmesType(actual).equals("unknown")) {
            throw typeError(name, current, jmesType(actual), types);
        }
        if (subtypes.isEmpty()) {
            return;
        }
        List<?> elements = (List<?>) current;
        String required;
        if (subtypes.size() == 1) {
            required = subtypes.get(0);
        } else {
            if (elements.isEmpty()) {
                return;
            }
            // Dynamic: the first element's type picks which of the allowed element types all must have.
            String first = Py.typeName(elements.get(0));
            if (!subtypes.contains(jmesType(first))) {
                throw typeError(name, elements.get(0), first, types);
            }
            required = jmesType(first);
        }
        for (Object element : elements) {
            String t = Py.typeName(element);
            if (!jmesType(t).equals(required)) {
                throw typeError(name, element, t, types);
            }
        }
    }

    private static JmesPathException typeError(String name, Object value, String actualType, List<String> expected) {
        return new JmesPathException(
                JmesPathException.Kind.INVALID_TYPE,
                "JMESPathTypeError",
                "In function " + name + "(), invalid type for value: " + Py.str(value) + ", expected one of: "
                        + Py.repr(expected) + ", received: \"" + actualType + "\"");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        return (List<Object>) v;
    }

    // ---- the functions

    private static Object abs(Object v) {
        if (Py.isFloat(v)) {
            return Math.abs(Py.toDouble(v));
        }
        return Py.intValue(Py.big(v).abs());
    }

    private static Object avg(List<Object> values) {
        if (values.isEmpty()) {
            return null;
        }
        return Py.toDouble(sumOf(values)) / values.size();
    }

    private static Object sum(List<Object> values) {
        return sumOf(values);
    }

    private static Object sumOf(List<Object> values) {
        Object total = 0L;
        for (Object v : values) {
            total = Py.add(total, v);
        }
        return total;
    }

    private static Object notNull(List<Object> args) {
        for (Object a : args) {
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    private static Object toNumber(Object v) {
        if (v == null || v instanceof List || v instanceof Map || v instanceof Boolean) {
            return null;
        } else if (Py.isNumber(v)) {
            return v;
        } else if (v instanceof String s) {
            Object i = Py.parseInt(s);
            return i != null ? i : Py.parseFloat(s);
        }
        throw JmesPathException.typeError(
                "int() argument must be a string, a bytes-like object or a real number, not '" + Py.typeName(v) + "'");
    }

    private static Object contains(Object subject, Object search) {
        if (subject instanceof String s) {
            if (!(search instanceof String needle)) {
                throw JmesPathException.typeError(
                        "'in <string>' requires string as left operand, not " + Py.typeName(search));
            }
            return s.contains(needle);
        }
        for (Object element : (List<?>) subject) {
            if (Py.eq(element, search)) {
                return true;
            }
        }
        return false;
    }

    private static Object length(Object v) {
        if (v instanceof String s) {
            return (long) s.codePointCount(0, s.length());
        } else if (v instanceof List<?> l) {
            return (long) l.size();
        }
        return (long) ((Map<?, ?>) v).size();
    }

    private static Object reverse(Object v) {
        if (v instanceof String s) {
            int[] cps = s.codePoints().toArray();
            StringBuilder out = new StringBuilder(s.length());
            for (int k = cps.length - 1; k >= 0; k--) {
                out.appendCodePoint(cps[k]);
            }
            return out.toString();
        }
        List<Object> out = new ArrayList<>(list(v));
        Collections.reverse(out);
        return out;
    }

    /** math.ceil and math.floor: an int in, the same int out; a float in, an int out. */
    private static Object round(Object v, RoundingMode mode) {
        if (!Py.isFloat(v)) {
            return v;
        }
        double d = Py.toDouble(v);
        if (Double.isNaN(d)) {
            throw JmesPathException.valueError("cannot convert float NaN to integer");
        } else if (Double.isInfinite(d)) {
            throw new JmesPathException(
                    JmesPathException.Kind.PYTHON, "OverflowError", "cannot convert float infinity to integer");
        }
        return Py.intValue(new BigDecimal(d).setScale(0, mode).toBigIntegerExact());
    }

    private static Object join(String separator, List<Object> values) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                out.append(separator);
            }
            out.append((String) values.get(k));
        }
        return out.toString();
    }

    private static Object map(ExpRef expref, List<Object> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(Interpreter.visit(expref.expression, v));
        }
        return out;
    }

    /** Python's max (op "&gt;") or min (op "&lt;"): the first element that no later one beats. */
    private static Object extreme(List<Object> values, String op) {
        if (values.isEmpty()) {
            return null;
        }
        Object best = values.get(0);
        for (int k = 1; k < values.size(); k++) {
            if (Py.compare(op, values.get(k), best)) {
                best = values.get(k);
            }
        }
        return best;
    }

    private static Object merge(List<Object> args) {
        Map<Object, Object> merged = new LinkedHashMap<>();
        for (Object arg : args) {
            update(merged, arg);
        }
        return merged;
    }

    /** dict.update(arg): a dict, or else an iterable of key/value pairs (only the first argument is checked). */
    private static void update(Map<Object, Object> target, Object arg) {
        if (arg instanceof Map<?, ?> map) {
            target.putAll(map);
            return;
        }
        List<?> items;
        if (arg instanceof List<?> l) {
            items = l;
        } else if (arg instanceof String s) {
            items = s.codePoints()
                    .mapToObj(c -> new String(Character.toChars(c)))
                    .toList();
        } else {
            throw JmesPathException.typeError("'" + Py.typeName(arg) + "' object is not iterable");
        }
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            List<?> pair;
            if (item instanceof List<?> l) {
                pair = l;
            } else if (item instanceof String s) {
                pair = s.codePoints()
                        .mapToObj(c -> new String(Character.toChars(c)))
                        .toList();
            } else if (item instanceof Map<?, ?> m) {
                pair = new ArrayList<>(m.keySet());
            } else {
                throw JmesPathException.typeError(
                        "cannot convert dictionary update sequence element #" + k + " to a sequence");
            }
            if (pair.size() != 2) {
                throw JmesPathException.valueError(
                        "dictionary update sequence element #" + k + " has length " + pair.size() + "; 2 is required");
            }
            Object key = pair.get(0);
            if (key instanceof List || key instanceof Map) {
                throw JmesPathException.typeError("unhashable type: '" + Py.typeName(key) + "'");
            }
            target.put(key instanceof String ? key : jsonKey(key), pair.get(1));
        }
    }

    /** json.dumps writes a non-string key as this text. */
    private static String jsonKey(Object key) {
        if (key == null) {
            return "null";
        } else if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return Py.jsonDumps(key, ", ", ": ", false);
    }

    private static Object sort(List<Object> values) {
        List<Object> out = new ArrayList<>(values);
        out.sort(Functions::order);
        return out;
    }

    private static int order(Object a, Object b) {
        return Py.compare("<", a, b) ? -1 : Py.compare("<", b, a) ? 1 : 0;
    }

    private static Object type(Object v) {
        if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "boolean";
        } else if (v instanceof List) {
            return "array";
        } else if (v instanceof Map) {
            return "object";
        } else if (Py.isNumber(v)) {
            return "number";
        } else if (v == null) {
            return "null";
        }
        return null; // an expref: jmespath.py falls off the end of its if/elif chain
    }

    private static Object sortBy(List<Object> values, ExpRef expref) {
        if (values.isEmpty()) {
            return values;
        }
        String required = jmesType(Py.typeName(Interpreter.visit(expref.expression, values.get(0))));
        if (!required.equals("number") && !required.equals("string")) {
            throw typeError("sort_by", values.get(0), required, List.of("string", "number"));
        }
        List<Object> keys = new ArrayList<>(values.size());
        for (Object v : values) {
            keys.add(key(expref, v, List.of(required), "sort_by"));
        }
        Integer[] order = new Integer[values.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> order(keys.get(x), keys.get(y)));
        List<Object> out = new ArrayList<>(values.size());
        for (Integer k : order) {
            out.add(values.get(k));
        }
        return out;
    }

    /** Python's min/max with a key: keys are computed and compared one element at a time. */
    private static Object extremeBy(List<Object> values, ExpRef expref, String op, String name) {
        List<String> allowed = List.of("number", "string");
        if (values.isEmpty()) {
            return null;
        }
        Object best = values.get(0);
        Object bestKey = key(expref, best, allowed, name);
        for (int k = 1; k < values.size(); k++) {
            Object v = values.get(k);
            Object key = key(expref, v, allowed, name);
            if (Py.compare(op, key, bestKey)) {
                best = v;
                bestKey = key;
            }
        }
        return best;
    }

    private static Object key(ExpRef expref, Object element, List<String> allowed, String name) {
        Object result = Interpreter.visit(expref.expression, element);
        String type = jmesType(Py.typeName(result));
        if (!allowed.contains(type)) {
            throw typeError(name, result, type, allowed);
        }
        return result;
    }
}
