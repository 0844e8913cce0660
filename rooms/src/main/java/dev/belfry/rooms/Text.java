package dev.belfry.rooms;

/** Small checks on names shared by several services. */
final class Text {
    private Text() {}

    static boolean hasNonSpace(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The longest value Belfry stores for a field: what the schema's column holds on every database (D27). A longer
     * one is a BadRequest, the same on PostgreSQL (which would refuse it) and SQLite (which would keep it).
     */
    static String requireAtMost(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw DomainException.badRequest(field + " must be at most " + max + " characters long.");
        }
        return value;
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
