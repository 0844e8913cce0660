package dev.belfry.cli.output;

/** table.py's text helpers: display width (east-Asian wide characters count 2), centring, left alignment. */
final class TableText {
    private TableText() {}

    static int length(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean wide(int cp) {
        return EastAsianWidth.wide(cp);
    }

    static String center(String text, int length, String left, String right) {
        int textLength = length(text);
        int charStart = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        int soFar = length(left) + charStart + textLength;
        int rightSpaces = length - length(right) - soFar;
        return left + " ".repeat(Math.max(charStart, 0)) + text + " ".repeat(Math.max(rightSpaces, 0)) + right;
    }

    static String alignLeft(String text, int length, String left, String right) {
        int textLength = length(text);
        int computed = textLength + 2 + length(left) + length(right);
        int padding = length - computed >= 0 ? 2 : 0;
        int soFar = left.length() + padding + textLength;
        return left + " ".repeat(padding) + text + " ".repeat(Math.max(length - soFar - right.length(), 0)) + right;
    }
}
