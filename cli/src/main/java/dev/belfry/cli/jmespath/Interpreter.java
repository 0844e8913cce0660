package dev.belfry.cli.jmespath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jmespath.py 1.0.1's visitor.TreeInterpreter over plain Java values. It never copies its input: fields,
 * indexes and projections hand back the maps and lists they were given, so one pass over a listing is
 * linear in its size. Stateless; the compiled tree is only read.
 */
final class Interpreter {
    private Interpreter() {}

    static Object visit(Node node, Object value) {
        switch (node.type) {
            case SUBEXPRESSION:
            case INDEX_EXPRESSION:
            case PIPE: {
                Object result = value;
                for (Node child : node.children) {
                    result = visit(child, result);
                }
                return result;
            }
            case FIELD:
                return value instanceof Map<?, ?> map ? map.get(node.value) : null;
            case COMPARATOR:
                return comparator(node, value);
            case CURRENT:
            case IDENTITY:
                return value;
            case EXPREF:
                return new ExpRef(node.children.get(0));
            case FUNCTION_EXPRESSION: {
                List<Object> args = new ArrayList<>(node.children.size());
                for (Node child : node.children) {
                    args.add(visit(child, value));
                }
                return Functions.call((String) node.value, args);
            }
            case FILTER_PROJECTION:
                return filterProjection(node, value);
            case FLATTEN:
                return flatten(node, value);
            case INDEX:
                return index(node, value);
            case SLICE:
                return value instanceof List<?> list ? slice(list, node.slice) : null;
            case KEY_VAL_PAIR:
                return visit(node.children.get(0), value);
            case LITERAL:
                return node.value;
            case MULTI_SELECT_DICT: {
                if (value == null) {
                    return null;
                }
                Map<String, Object> collected = new LinkedHashMap<>();
                for (Node child : node.children) {
                    collected.put((String) child.value, visit(child, value));
                }
                return collected;
            }
            case MULTI_SELECT_LIST: {
                if (value == null) {
                    return null;
                }
                List<Object> collected = new ArrayList<>(node.children.size());
                for (Node child : node.children) {
                    collected.add(visit(child, value));
                }
                return collected;
            }
            case OR_EXPRESSION: {
                Object matched = visit(node.children.get(0), value);
                return isFalse(matched) ? visit(node.children.get(1), value) : matched;
            }
            case AND_EXPRESSION: {
                Object matched = visit(node.children.get(0), value);
                return isFalse(matched) ? matched : visit(node.children.get(1), value);
            }
            case NOT_EXPRESSION:
                return not(visit(node.children.get(0), value));
            case PROJECTION: {
                Object base = visit(node.children.get(0), value);
                return base instanceof List<?> list ? project(list, node.children.get(1)) : null;
            }
            case VALUE_PROJECTION: {
                Object base = visit(node.children.get(0), value);
                return base instanceof Map<?, ?> map ? project(map.values(), node.children.get(1)) : null;
            }
            default:
                throw new IllegalStateException(node.type.name());
        }
    }

    private static List<Object> project(Collection<?> base, Node right) {
        List<Object> collected = new ArrayList<>(base.size());
        for (Object element : base) {
            Object current = visit(right, element);
            if (current != null) {
                collected.add(current);
            }
        }
        return collected;
    }

    private static Object filterProjection(Node node, Object value) {
        Object base = visit(node.children.get(0), value);
        if (!(base instanceof List<?> list)) {
            return null;
        }
        Node condition = node.children.get(2);
        Node right = node.children.get(1);
        List<Object> collected = new ArrayList<>();
        for (Object element : list) {
            if (!isFalse(visit(condition, element))) {
                Object current = visit(right, element);
                if (current != null) {
                    collected.add(current);
                }
            }
        }
        return collected;
    }

    private static Object flatten(Node node, Object value) {
        Object base = visit(node.children.get(0), value);
        if (!(base instanceof List<?> list)) {
            return null;
        }
        List<Object> merged = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof List<?> inner) {
                merged.addAll(inner);
            } else {
                merged.add(element);
            }
        }
        return merged;
    }

    private static Object index(Node node, Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        BigInteger i = Py.big(node.value);
        int size = list.size();
        if (i.signum() < 0) {
            i = i.add(BigInteger.valueOf(size));
        }
        if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(size)) >= 0) {
            return null;
        }
        return list.get(i.intValue());
    }

    /** Python's {@code list[start:stop:step]}. */
    static List<Object> slice(List<?> list, Object[] parts) {
        long step = parts[2] == null ? 1 : clamp(parts[2]);
        if (step == 0) {
            throw new JmesPathException(
                    JmesPathException.Kind.INVALID_VALUE, "ValueError", "slice step cannot be zero");
        }
        long len = list.size();
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? len - 1 : len;
        long start = parts[0] == null ? (step < 0 ? upper : lower) : bound(clamp(parts[0]), len, lower, upper);
        long stop = parts[1] == null ? (step < 0 ? lower : upper) : bound(clamp(parts[1]), len, lower, upper);
        List<Object> out = new ArrayList<>();
        if (step > 0) {
            for (long k = start; k < stop; k += step) {
                out.add(list.get((int) k));
            }
        } else {
            for (long k = start; k > stop; k += step) {
                out.add(list.get((int) k));
            }
        }
        return out;
    }

    private static long bound(long v, long len, long lower, long upper) {
        if (v < 0) {
            v += len;
            return v < lower ? lower : v;
        }
        return v > upper ? upper : v;
    }

    /** Slice bounds beyond any list's size behave alike; keep them well inside long. */
    private static long clamp(Object v) {
        BigInteger b = Py.big(v);
        BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE / 4);
        if (b.compareTo(limit) > 0) {
            return limit.longValue();
        } else if (b.compareTo(limit.negate()) < 0) {
            return -limit.longValue();
        }
        return b.longValue();
    }

    private static Object comparator(Node node, Object value) {
        String op = (String) node.value;
        Object left = visit(node.children.get(0), value);
        Object right = visit(node.children.get(1), value);
        switch (op) {
            case "eq":
                return equalsJmes(left, right);
            case "ne":
                return !equalsJmes(left, right);
            default:
                if (!comparable(left) || !comparable(right)) {
                    return null;
                }
                return Py.compare(symbol(op), left, right);
        }
    }

    private static String symbol(String op) {
        switch (op) {
            case "lt":
                return "<";
            case "lte":
                return "<=";
            case "gt":
                return ">";
            default:
                return ">=";
        }
    }

    /** visitor._equals: Python's ==, except that 0 and 1 never equal a boolean at the top level. */
    static boolean equalsJmes(Object x, Object y) {
        if (Py.isNumber(x) && (Py.eq(x, 0L) || Py.eq(x, 1L)) && y instanceof Boolean) {
            return false;
        } else if (Py.isNumber(y) && (Py.eq(y, 0L) || Py.eq(y, 1L)) && x instanceof Boolean) {
            return false;
        }
        return Py.eq(x, y);
    }

    /** Numbers and strings can be ordered (jmespath.py 1.0.1 orders strings too). */
    private static boolean comparable(Object v) {
        return Py.isNumber(v) || v instanceof String;
    }

    private static Object not(Object v) {
        if (Py.isNumber(v)) {
            // !0 is false: 0 is not falsy in JMESPath; and no number is.
            return false;
        }
        return !truthy(v);
    }

    /** Python's truth value. */
    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        } else if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof String s) {
            return !s.isEmpty();
        } else if (v instanceof List<?> l) {
            return !l.isEmpty();
        } else if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        } else if (Py.isNumber(v)) {
            return !Py.eq(v, 0L);
        }
        return true;
    }

    /** visitor._is_false: '', [], {}, None and False. */
    static boolean isFalse(Object v) {
        return v == null
                || Boolean.FALSE.equals(v)
                || (v instanceof String s && s.isEmpty())
                || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }
}
