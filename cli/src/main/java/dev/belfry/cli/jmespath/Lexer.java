package dev.belfry.cli.jmespath;

import dev.belfry.cli.json.PyJsonException;
import dev.belfry.cli.json.PyJsonReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * jmespath.py 1.0.1's lexer.Lexer, token for token and error for error. The expression is read as code
 * points, as a Python str is, so error columns match for any character. Literals are parsed as Python's
 * json.loads does (PyJsonReader), including the deprecated bare-string fallback of JEP-12.
 */
final class Lexer {
    private final String expression;
    private final int[] chars;
    private int position;
    private int current; // -1 at the end (Python's None)

    private Lexer(String expression) {
        this.expression = expression;
        this.chars = expression.codePoints().toArray();
    }

    static List<Token> tokenize(String expression) {
        if (expression.isEmpty()) {
            throw new JmesPathException(
                    JmesPathException.Kind.SYNTAX,
                    "EmptyExpressionError",
                    "Invalid JMESPath expression: cannot be empty.");
        }
        return new Lexer(expression).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        position = 0;
        current = chars[0];
        while (current != -1) {
            String simple = simple(current);
            if (simple != null) {
                tokens.add(new Token(simple, new String(Character.toChars(current)), position));
                next();
            } else if (isStartIdentifier(current)) {
                int start = position;
                StringBuilder buff = new StringBuilder().appendCodePoint(current);
                while (isIdentifier(next())) {
                    buff.appendCodePoint(current);
                }
                tokens.add(new Token("unquoted_identifier", buff.toString(), start));
            } else if (current == ' ' || current == '\t' || current == '\n' || current == '\r') {
                next();
            } else if (current == '[') {
                int start = position;
                int nextChar = next();
                if (nextChar == ']') {
                    next();
                    tokens.add(new Token("flatten", "[]", start));
                } else if (nextChar == '?') {
                    next();
                    tokens.add(new Token("filter", "[?", start));
                } else {
                    tokens.add(new Token("lbracket", "[", start));
                }
            } else if (current == '\'') {
                tokens.add(rawStringLiteral());
            } else if (current == '|') {
                tokens.add(matchOrElse('|', "or", "pipe"));
            } else if (current == '&') {
                tokens.add(matchOrElse('&', "and", "expref"));
            } else if (current == '`') {
                tokens.add(literal());
            } else if (current >= '0' && current <= '9') {
                int start = position;
                String buff = number();
                tokens.add(new Token("number", Py.intValue(new BigInteger(buff)), start));
            } else if (current == '-') {
                int start = position;
                String buff = number();
                if (buff.length() > 1) {
                    tokens.add(new Token("number", Py.intValue(new BigInteger(buff)), start));
                } else {
                    throw lexerError(start, "Unknown token '" + buff + "'");
                }
            } else if (current == '"') {
                tokens.add(quotedIdentifier());
            } else if (current == '<') {
                tokens.add(matchOrElse('=', "lte", "lt"));
            } else if (current == '>') {
                tokens.add(matchOrElse('=', "gte", "gt"));
            } else if (current == '!') {
                tokens.add(matchOrElse('=', "ne", "not"));
            } else if (current == '=') {
                if (next() == '=') {
                    tokens.add(new Token("eq", "==", position - 1));
                    next();
                } else {
                    // At the end the position never advanced, so it is not rewound either.
                    int at = current == -1 ? position : position - 1;
                    throw lexerError(at, "Unknown token '='");
                }
            } else {
                throw lexerError(position, "Unknown token " + new String(Character.toChars(current)));
            }
        }
        tokens.add(new Token("eof", "", chars.length));
        return tokens;
    }

    private static String simple(int c) {
        switch (c) {
            case '.':
                return "dot";
            case '*':
                return "star";
            case ']':
                return "rbracket";
            case ',':
                return "comma";
            case ':':
                return "colon";
            case '@':
                return "current";
            case '(':
                return "lparen";
            case ')':
                return "rparen";
            case '{':
                return "lbrace";
            case '}':
                return "rbrace";
            default:
                return null;
        }
    }

    private static boolean isStartIdentifier(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifier(int c) {
        return isStartIdentifier(c) || (c >= '0' && c <= '9');
    }

    private int next() {
        if (position == chars.length - 1) {
            current = -1;
        } else {
            position++;
            current = chars[position];
        }
        return current;
    }

    private String number() {
        StringBuilder buff = new StringBuilder().appendCodePoint(current);
        while (true) {
            int c = next();
            if (c >= '0' && c <= '9') {
                buff.appendCodePoint(c);
            } else {
                return buff.toString();
            }
        }
    }

    /** Up to an unescaped delimiter; a backslash and the character after it are kept as they are. */
    private String consumeUntil(int delimiter) {
        int start = position;
        StringBuilder buff = new StringBuilder();
        next();
        while (current != delimiter) {
            if (current == '\\') {
                buff.append('\\');
                next();
            }
            if (current == -1) {
                throw lexerError(start, "Unclosed " + new String(Character.toChars(delimiter)) + " delimiter");
            }
            buff.appendCodePoint(current);
            next();
        }
        next();
        return buff.toString();
    }

    private Token literal() {
        int start = position;
        String lexeme = consumeUntil('`').replace("\\`", "`");
        Object parsed;
        try {
            parsed = PyJsonReader.read(lexeme);
        } catch (PyJsonException e) {
            try {
                // JEP-12's deprecation period: what is not JSON is read as a JSON string.
                parsed = PyJsonReader.read("\"" + lstrip(lexeme) + "\"");
            } catch (PyJsonException again) {
                throw lexerError(start, "Bad token " + lexeme);
            }
        }
        return new Token("literal", parsed, start);
    }

    private Token quotedIdentifier() {
        int start = position;
        String lexeme = "\"" + consumeUntil('"') + "\"";
        try {
            return new Token("quoted_identifier", PyJsonReader.read(lexeme), start);
        } catch (PyJsonException e) {
            throw lexerError(start, e.getMessage().split(":", -1)[0]);
        }
    }

    private Token rawStringLiteral() {
        int start = position;
        String lexeme = consumeUntil('\'').replace("\\'", "'");
        return new Token("literal", lexeme, start);
    }

    private Token matchOrElse(int expected, String matchType, String elseType) {
        int start = position;
        int c = current;
        int nextChar = next();
        if (nextChar == expected) {
            next();
            return new Token(
                    matchType, new String(Character.toChars(c)) + new String(Character.toChars(nextChar)), start);
        }
        return new Token(elseType, new String(Character.toChars(c)), start);
    }

    private static String lstrip(String s) {
        int k = 0;
        while (k < s.length() && Py.isSpace(s.codePointAt(k))) {
            k += Character.charCount(s.codePointAt(k));
        }
        return s.substring(k);
    }

    /** LexerError's str(): "Bad jmespath expression: MESSAGE:\nEXPRESSION\n" and a caret under the column. */
    private JmesPathException lexerError(int at, String message) {
        return new JmesPathException(
                JmesPathException.Kind.SYNTAX,
                "LexerError",
                "Bad jmespath expression: " + message + ":\n" + expression + "\n" + " ".repeat(at) + "^");
    }
}
