package dev.belfry.cli.param;

/**
 * A shorthand syntax error carrying the failing index; the message renders the input with a caret
 * under that index exactly as {@code ShorthandParseError._error_location} does.
 */
public final class ShorthandSyntaxException extends RuntimeException {
    private final int index;

    private ShorthandSyntaxException(String message, int index) {
        super(message);
        this.index = index;
    }

    public int index() {
        return index;
    }

    static ShorthandSyntaxException expected(String value, String expected, String actual, int index) {
        return new ShorthandSyntaxException(
                "Expected: '" + expected + "', received: '" + actual + "' for input:\n" + location(value, index),
                index);
    }

    static ShorthandSyntaxException duplicateKey(String key, String value, int index) {
        return new ShorthandSyntaxException(
                "Second instance of key \"" + key + "\" encountered for input:\n" + location(value, index)
                        + "\nThis is often because there is a preceding \",\" instead of a space.",
                index);
    }

    static String location(String value, int index) {
        String consumed = value;
        String remaining = "";
        int spaces = index;
        String before = value.substring(0, Math.min(index, value.length()));
        int lastNewline = before.lastIndexOf('\n');
        if (lastNewline >= 0) {
            spaces = index - lastNewline - 1;
        }
        int nextNewline = index <= value.length() ? value.indexOf('\n', index) : -1;
        if (nextNewline >= 0) {
            consumed = value.substring(0, nextNewline);
            remaining = value.substring(nextNewline);
        }
        return consumed + "\n" + " ".repeat(Math.max(spaces, 0)) + "^" + remaining;
    }
}
