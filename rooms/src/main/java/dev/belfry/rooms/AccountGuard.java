package dev.belfry.rooms;

/**
 * The account checks every operation starts with: the caller's tenant owns it (else NotFound, so
 * existence is not leaked, D19), it is not suspended (D3), and for room, membership and bot operations
 * it is an Enterprise account (D1).
 */
final class AccountGuard {
    private AccountGuard() {}

    static Account owned(StoreTransaction tx, Caller caller, String accountId) {
        return tx.account(caller.tenantId(), accountId)
                .orElseThrow(() -> DomainException.notFound("account", accountId));
    }

    static Account active(StoreTransaction tx, Caller caller, String accountId) {
        Account account = owned(tx, caller, accountId);
        if (account.status() == Enums.AccountStatus.Suspended) {
            throw DomainException.forbidden("The Chime account " + accountId + " is suspended.");
        }
        return account;
    }

    static Account enterprise(StoreTransaction tx, Caller caller, String accountId) {
        Account account = active(tx, caller, accountId);
        if (!account.type().enterprise()) {
            throw DomainException.forbidden("Chime Account provided is not an Enterprise Chime Account[AWS Account ID: "
                    + account.awsAccountId() + "][Chime Account ID: " + accountId + "]");
        }
        return account;
    }
}
