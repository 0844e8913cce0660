package dev.belfry.store;

/**
 * Why an account's export or import (D126–D129) was refused, with a one-line message for the operator. Nothing was
 * written when this is thrown by an import: the whole file is one transaction.
 */
public final class AccountTransferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal: the server maps each to one of the API's error shapes. */
    public enum Kind {
        /** No such account in the caller's tenant (export). */
        NOT_FOUND,
        /** The account, or a row's id, already exists on this server (import). */
        CONFLICT,
        /** The file is not an account export this server reads: syntax, format version, columns, ownership. */
        BAD_FILE
    }

    private final Kind kind;

    public AccountTransferException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
