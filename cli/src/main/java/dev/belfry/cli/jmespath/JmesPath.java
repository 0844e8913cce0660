package dev.belfry.cli.jmespath;

/**
 * A compiled JMESPath expression: {@code jmespath.compile(text)} then {@code .search(data)}, as the AWS CLI
 * runs --query. Thread-safe and reusable; search never copies or changes its input.
 */
public final class JmesPath {
    private final String text;
    private final Node ast;

    private JmesPath(String text, Node ast) {
        this.text = text;
        this.ast = ast;
    }

    /**
     * @throws JmesPathException of kind SYNTAX, worded as jmespath.py's ParseError, LexerError,
     *     IncompleteExpressionError or EmptyExpressionError
     */
    public static JmesPath compile(String text) {
        return new JmesPath(text, Parser.parse(text));
    }

    /**
     * @param data null, Boolean, String, Long/Integer/BigInteger, Double, List and Map values (the CLI's
     *     parsed response)
     * @return a value of the same kinds, or an {@link ExpRef} when the expression yields one
     * @throws JmesPathException for a function's unknown name, arity or argument types, a zero slice step,
     *     or one of Python's own TypeErrors ('&lt;' between a str and an int)
     */
    public Object search(Object data) {
        return Interpreter.visit(ast, data);
    }

    public String expression() {
        return text;
    }
}
