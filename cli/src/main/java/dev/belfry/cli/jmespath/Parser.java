package dev.belfry.cli.jmespath;

import dev.belfry.cli.jmespath.Node.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jmespath.py 1.0.1's parser.Parser: a Pratt parser with the same binding powers, the same nud/led rules
 * and the same error messages (ParseError, IncompleteExpressionError), so that an invalid --query fails with
 * the AWS CLI's exact text. Quirks are kept on purpose, e.g. {@code f(a b)} calls f with two arguments and
 * {@code a[0][1:2]} does not project, because jmespath.py parses them so.
 */
final class Parser {
    private static final Map<String, Integer> BINDING_POWER = new HashMap<>();

    static {
        for (String t : List.of(
                "eof",
                "unquoted_identifier",
                "quoted_identifier",
                "literal",
                "rbracket",
                "rparen",
                "comma",
                "rbrace",
                "number",
                "current",
                "expref",
                "colon")) {
            BINDING_POWER.put(t, 0);
        }
        BINDING_POWER.put("pipe", 1);
        BINDING_POWER.put("or", 2);
        BINDING_POWER.put("and", 3);
        for (String t : List.of("eq", "gt", "lt", "gte", "lte", "ne")) {
            BINDING_POWER.put(t, 5);
        }
        BINDING_POWER.put("flatten", 9);
        BINDING_POWER.put("star", 20);
        BINDING_POWER.put("filter", 21);
        BINDING_POWER.put("dot", 40);
        BINDING_POWER.put("not", 45);
        BINDING_POWER.put("lbrace", 50);
        BINDING_POWER.put("lbracket", 55);
        BINDING_POWER.put("lparen", 60);
    }

    /** Tokens below this binding power end a projection. */
    private static final int PROJECTION_STOP = 10;

    private final String expression;
    private final int length;
    private final List<Token> tokens;
    private int index;

    private Parser(String expression, List<Token> tokens) {
        this.expression = expression;
        this.length = expression.codePointCount(0, expression.length());
        this.tokens = tokens;
    }

    static Node parse(String expression) {
        Parser p = new Parser(expression, Lexer.tokenize(expression));
        Node parsed = p.expression(0);
        if (!p.currentToken().equals("eof")) {
            Token t = p.lookaheadToken(0);
            throw p.parseError(t.start(), t.value(), t.type(), "Unexpected token: " + Py.str(t.value()));
        }
        return parsed;
    }

    private static int bp(String tokenType) {
        return BINDING_POWER.get(tokenType);
    }

    private Node expression(int bindingPower) {
        Token leftToken = lookaheadToken(0);
        advance();
        Node left = nud(leftToken);
        String current = currentToken();
        while (bindingPower < bp(current)) {
            Token errorToken = lookaheadToken(0);
            if (!hasLed(current)) {
                throw parseError(errorToken, "invalid token");
            }
            advance();
            left = led(current, left);
            current = currentToken();
        }
        return left;
    }

    private static boolean hasLed(String type) {
        switch (type) {
            case "dot":
            case "pipe":
            case "or":
            case "and":
            case "lparen":
            case "filter":
            case "eq":
            case "ne":
            case "gt":
            case "gte":
            case "lt":
            case "lte":
            case "flatten":
            case "lbracket":
                return true;
            default:
                return false;
        }
    }

    private Node nud(Token token) {
        switch (token.type()) {
            case "literal":
                return Node.of(Type.LITERAL, token.value());
            case "unquoted_identifier":
                return Node.of(Type.FIELD, token.value());
            case "quoted_identifier":
                if (currentToken().equals("lparen")) {
                    Token t = lookaheadToken(0);
                    throw parseError(0, t.value(), t.type(), "Quoted identifier not allowed for function names.");
                }
                return Node.of(Type.FIELD, token.value());
            case "star": {
                Node left = Node.of(Type.IDENTITY);
                Node right =
                        currentToken().equals("rbracket") ? Node.of(Type.IDENTITY) : parseProjectionRhs(bp("star"));
                return Node.of(Type.VALUE_PROJECTION, left, right);
            }
            case "filter":
                return ledFilter(Node.of(Type.IDENTITY));
            case "lbrace":
                return parseMultiSelectHash();
            case "lparen": {
                Node e = expression(0);
                match("rparen");
                return e;
            }
            case "flatten": {
                Node left = Node.of(Type.FLATTEN, Node.of(Type.IDENTITY));
                Node right = parseProjectionRhs(bp("flatten"));
                return Node.of(Type.PROJECTION, left, right);
            }
            case "not":
                return Node.of(Type.NOT_EXPRESSION, expression(bp("not")));
            case "lbracket":
                if (currentToken().equals("number") || currentToken().equals("colon")) {
                    Node right = parseIndexExpression();
                    return projectIfSlice(Node.of(Type.IDENTITY), right);
                } else if (currentToken().equals("star") && lookahead(1).equals("rbracket")) {
                    advance();
                    advance();
                    Node right = parseProjectionRhs(bp("star"));
                    return Node.of(Type.PROJECTION, Node.of(Type.IDENTITY), right);
                }
                return parseMultiSelectList();
            case "current":
                return Node.of(Type.CURRENT);
            case "expref":
                return Node.of(Type.EXPREF, expression(bp("expref")));
            case "eof":
                throw incomplete();
            default:
                throw parseError(token, "invalid token");
        }
    }

    private Node led(String type, Node left) {
        switch (type) {
            case "dot":
                if (!currentToken().equals("star")) {
                    Node right = parseDotRhs(bp("dot"));
                    if (left.type == Type.SUBEXPRESSION) {
                        left.children.add(right);
                        return left;
                    }
                    return Node.of(Type.SUBEXPRESSION, left, right);
                } else {
                    advance();
                    Node right = parseProjectionRhs(bp("dot"));
                    return Node.of(Type.VALUE_PROJECTION, left, right);
                }
            case "pipe":
                return Node.of(Type.PIPE, left, expression(bp("pipe")));
            case "or":
                return Node.of(Type.OR_EXPRESSION, left, expression(bp("or")));
            case "and":
                return Node.of(Type.AND_EXPRESSION, left, expression(bp("and")));
            case "lparen":
                return ledLparen(left);
            case "filter":
                return ledFilter(left);
            case "flatten": {
                Node flat = Node.of(Type.FLATTEN, left);
                Node right = parseProjectionRhs(bp("flatten"));
                return Node.of(Type.PROJECTION, flat, right);
            }
            case "lbracket":
                return ledLbracket(left);
            default: // the comparators
                return Node.of(Type.COMPARATOR, type, left, expression(bp(type)));
        }
    }

    private Node parseIndexExpression() {
        if (lookahead(0).equals("colon") || lookahead(1).equals("colon")) {
            return parseSliceExpression();
        }
        Node node = Node.of(Type.INDEX, lookaheadToken(0).value());
        advance();
        match("rbracket");
        return node;
    }

    private Node parseSliceExpression() {
        Object[] parts = new Object[3];
        int at = 0;
        String current = currentToken();
        while (!current.equals("rbracket") && at < 3) {
            if (current.equals("colon")) {
                at++;
                if (at == 3) {
                    throw parseError(lookaheadToken(0), "syntax error");
                }
                advance();
            } else if (current.equals("number")) {
                parts[at] = lookaheadToken(0).value();
                advance();
            } else {
                throw parseError(lookaheadToken(0), "syntax error");
            }
            current = currentToken();
        }
        match("rbracket");
        return Node.slice(parts[0], parts[1], parts[2]);
    }

    private Node ledLparen(Node left) {
        if (left.type != Type.FIELD) {
            // -2 is the token before the '(': the "name" that is not one.
            Token prev = lookaheadToken(-2);
            throw parseError(
                    prev.start(), prev.value(), prev.type(), "Invalid function name '" + Py.str(prev.value()) + "'");
        }
        List<Node> args = new ArrayList<>();
        while (!currentToken().equals("rparen")) {
            Node e = expression(0);
            if (currentToken().equals("comma")) {
                match("comma");
            }
            args.add(e);
        }
        match("rparen");
        return Node.withChildren(Type.FUNCTION_EXPRESSION, left.value, args);
    }

    private Node ledFilter(Node left) {
        Node condition = expression(0);
        match("rbracket");
        Node right = currentToken().equals("flatten") ? Node.of(Type.IDENTITY) : parseProjectionRhs(bp("filter"));
        return Node.of(Type.FILTER_PROJECTION, left, right, condition);
    }

    private Node ledLbracket(Node left) {
        Token token = lookaheadToken(0);
        if (token.type().equals("number") || token.type().equals("colon")) {
            Node right = parseIndexExpression();
            if (left.type == Type.INDEX_EXPRESSION) {
                left.children.add(right);
                return left;
            }
            return projectIfSlice(left, right);
        }
        match("star");
        match("rbracket");
        Node right = parseProjectionRhs(bp("star"));
        return Node.of(Type.PROJECTION, left, right);
    }

    private Node projectIfSlice(Node left, Node right) {
        Node indexExpr = Node.of(Type.INDEX_EXPRESSION, left, right);
        if (right.type == Type.SLICE) {
            return Node.of(Type.PROJECTION, indexExpr, parseProjectionRhs(bp("star")));
        }
        return indexExpr;
    }

    private Node parseMultiSelectList() {
        List<Node> expressions = new ArrayList<>();
        while (true) {
            expressions.add(expression(0));
            if (currentToken().equals("rbracket")) {
                break;
            }
            match("comma");
        }
        match("rbracket");
        return Node.withChildren(Type.MULTI_SELECT_LIST, null, expressions);
    }

    private Node parseMultiSelectHash() {
        List<Node> pairs = new ArrayList<>();
        while (true) {
            Token keyToken = lookaheadToken(0);
            matchMultiple(List.of("quoted_identifier", "unquoted_identifier"));
            match("colon");
            Node value = expression(0);
            pairs.add(Node.of(Type.KEY_VAL_PAIR, keyToken.value(), value));
            if (currentToken().equals("comma")) {
                match("comma");
            } else if (currentToken().equals("rbrace")) {
                match("rbrace");
                break;
            }
        }
        return Node.withChildren(Type.MULTI_SELECT_DICT, null, pairs);
    }

    private Node parseProjectionRhs(int bindingPower) {
        String current = currentToken();
        if (bp(current) < PROJECTION_STOP) {
            return Node.of(Type.IDENTITY);
        } else if (current.equals("lbracket") || current.equals("filter")) {
            return expression(bindingPower);
        } else if (current.equals("dot")) {
            match("dot");
            return parseDotRhs(bindingPower);
        }
        throw parseError(lookaheadToken(0), "syntax error");
    }

    private Node parseDotRhs(int bindingPower) {
        String lookahead = currentToken();
        if (lookahead.equals("quoted_identifier")
                || lookahead.equals("unquoted_identifier")
                || lookahead.equals("star")) {
            return expression(bindingPower);
        } else if (lookahead.equals("lbracket")) {
            match("lbracket");
            return parseMultiSelectList();
        } else if (lookahead.equals("lbrace")) {
            match("lbrace");
            return parseMultiSelectHash();
        }
        Token t = lookaheadToken(0);
        throw parseError(
                t, "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: " + t.type());
    }

    private void match(String tokenType) {
        if (currentToken().equals(tokenType)) {
            advance();
        } else {
            throw parseErrorMaybeEof(tokenType, lookaheadToken(0));
        }
    }

    private void matchMultiple(List<String> tokenTypes) {
        if (!tokenTypes.contains(currentToken())) {
            throw parseErrorMaybeEof(Py.repr(tokenTypes), lookaheadToken(0));
        }
        advance();
    }

    private void advance() {
        index++;
    }

    private String currentToken() {
        return lookaheadToken(0).type();
    }

    private String lookahead(int number) {
        return lookaheadToken(number).type();
    }

    private Token lookaheadToken(int number) {
        int at = index + number;
        if (at < 0) {
            at += tokens.size(); // a Python list's negative index
        }
        return tokens.get(Math.min(at, tokens.size() - 1));
    }

    private JmesPathException parseErrorMaybeEof(String expected, Token token) {
        if (token.type().equals("eof")) {
            return incomplete();
        }
        return parseError(token, "Expecting: " + expected + ", got: " + token.type());
    }

    private JmesPathException parseError(Token token, String reason) {
        return parseError(token.start(), token.value(), token.type(), reason);
    }

    /** ParseError's str(). */
    private JmesPathException parseError(int position, Object value, String type, String message) {
        return new JmesPathException(
                JmesPathException.Kind.SYNTAX,
                "ParseError",
                message + ": Parse error at column " + position + ", token \"" + Py.str(value) + "\" ("
                        + type.toUpperCase(java.util.Locale.ROOT) + "), for expression:\n\"" + expression + "\"\n"
                        + " ".repeat(position + 1) + "^");
    }

    /** IncompleteExpressionError's str(): the caret after the last character. */
    private JmesPathException incomplete() {
        return new JmesPathException(
                JmesPathException.Kind.SYNTAX,
                "IncompleteExpressionError",
                "Invalid jmespath expression: Incomplete expression:\n\"" + expression + "\"\n" + " ".repeat(length + 1)
                        + "^");
    }
}
