package dev.belfry.cli.jmespath;

/**
 * A JMESPath failure, worded exactly as {@code str(e)} of the exception jmespath.py 1.0.1 (or Python itself)
 * raises for it. {@link #kind()} is the compliance suite's error kind; {@link #pythonClass()} names the
 * Python exception, which decides how the AWS CLI reports it: the parse errors while --query is resolved
 * ("Bad value for --query ...", exit 252), everything else after the response arrives (the bare message,
 * exit 255).
 */
public final class JmesPathException extends RuntimeException {
    /** The error kinds of the JMESPath compliance suite, plus Python's own TypeError. */
    public enum Kind {
        SYNTAX("syntax"),
        INVALID_ARITY("invalid-arity"),
        INVALID_TYPE("invalid-type"),
        INVALID_VALUE("invalid-value"),
        UNKNOWN_FUNCTION("unknown-function"),
        /** A Python TypeError or ValueError outside jmespath's own checks ('<' between a str and an int). */
        PYTHON("python");

        private final String suiteName;

        Kind(String suiteName) {
            this.suiteName = suiteName;
        }

        public String suiteName() {
            return suiteName;
        }
    }

    private final Kind kind;
    private final String pythonClass;

    JmesPathException(Kind kind, String pythonClass, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.pythonClass = pythonClass;
    }

    public Kind kind() {
        return kind;
    }

    /** jmespath.exceptions' class name (ParseError, LexerError, ArityError, ...) or Python's (TypeError, ...). */
    public String pythonClass() {
        return pythonClass;
    }

    /** True for the errors jmespath.compile raises: the AWS CLI reports them as a bad --query value. */
    public boolean isParseError() {
        return kind == Kind.SYNTAX;
    }

    static JmesPathException typeError(String message) {
        return new JmesPathException(Kind.PYTHON, "TypeError", message);
    }

    static JmesPathException valueError(String message) {
        return new JmesPathException(Kind.PYTHON, "ValueError", message);
    }
}
