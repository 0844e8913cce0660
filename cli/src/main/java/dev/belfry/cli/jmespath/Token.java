package dev.belfry.cli.jmespath;

/**
 * One lexer token: jmespath.py's {@code {'type', 'value', 'start'}} dict. {@code value} is what Python
 * holds (a str, an int for numbers, the parsed JSON of a literal); positions count code points.
 */
record Token(String type, Object value, int start) {}
