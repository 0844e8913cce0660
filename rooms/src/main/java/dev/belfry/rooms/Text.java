package dev.belfry.rooms;

/** Small checks on names shared by several services. */
final class Text {
    private Text() {}

    static boolean hasNonSpace(String value) {
        return value != null && !value.isBlank();
    }

    static String requireName(String field, String value, int max) {
        if (!hasNonSpace(value)) {
            throw DomainException.badRequest(field + " must contain at least one non-space character.");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw DomainException.badRequest(field + " must be at most " + max + " characters long.");
        }
        return value;
    }
}
