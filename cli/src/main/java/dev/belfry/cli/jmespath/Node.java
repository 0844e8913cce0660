package dev.belfry.cli.jmespath;

import java.util.ArrayList;
import java.util.List;

/**
 * An AST node, shaped as jmespath.py's ast module builds them ({@code {'type', 'children', 'value'}}):
 * the parser appends to the children of subexpression and index_expression nodes as jmespath.py does, and
 * the interpreter dispatches on {@link Type}. Immutable once parsing ends, so a compiled expression can be
 * shared between threads.
 */
final class Node {
    enum Type {
        AND_EXPRESSION,
        COMPARATOR,
        CURRENT,
        EXPREF,
        FIELD,
        FILTER_PROJECTION,
        FLATTEN,
        FUNCTION_EXPRESSION,
        IDENTITY,
        INDEX,
        INDEX_EXPRESSION,
        KEY_VAL_PAIR,
        LITERAL,
        MULTI_SELECT_DICT,
        MULTI_SELECT_LIST,
        NOT_EXPRESSION,
        OR_EXPRESSION,
        PIPE,
        PROJECTION,
        SLICE,
        SUBEXPRESSION,
        VALUE_PROJECTION
    }

    final Type type;
    final List<Node> children;
    /** A field or key name, a function name, the comparator, an index, or a literal's value. */
    final Object value;
    /** A slice's start, stop and step (null where omitted). */
    final Object[] slice;

    private Node(Type type, List<Node> children, Object value, Object[] slice) {
        this.type = type;
        this.children = children;
        this.value = value;
        this.slice = slice;
    }

    static Node of(Type type, Object value, Node... children) {
        return new Node(type, new ArrayList<>(List.of(children)), value, null);
    }

    static Node of(Type type, Node... children) {
        return of(type, null, children);
    }

    static Node withChildren(Type type, Object value, List<Node> children) {
        return new Node(type, children, value, null);
    }

    static Node slice(Object start, Object stop, Object step) {
        return new Node(Type.SLICE, new ArrayList<>(), null, new Object[] {start, stop, step});
    }
}
