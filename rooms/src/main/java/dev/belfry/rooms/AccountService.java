package dev.belfry.rooms;

import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.RegistrationStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Chime accounts: create, read, list, rename, delete; plus what an operator needs (any type, suspension). */
public final class AccountService {
    private static final int NAME_MAX = 100;
    private final DomainContext ctx;

    public AccountService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /** CreateAccount: the type is the server's setting (D2). */
    public Account create(Caller caller, String name) {
        return create(caller.tenantId(), name, ctx.createAccountType());
    }

    /** An account of any type for a tenant, as `belfry admin create-account` asks (D2). */
    public Account create(String tenantId, String name, AccountType type) {
        return create(tenantId, name, type, null);
    }

    /** With the id a fixture file fixes (D93), or a new one when {@code id} is null. */
    public Account create(String tenantId, String name, AccountType type, String id) {
        Text.requireName("Name", name, NAME_MAX);
        Account account = new Account(
                Ids.orNew(id),
                tenantId,
                name,
                type,
                AccountStatus.Active,
                License.Pro,
                List.of(License.Basic, License.Pro),
                ctx.now());
        ctx.store().write(tx -> {
            tx.insertAccount(account);
            return null;
        });
        return account;
    }

    public Account get(Caller caller, String accountId) {
        return ctx.store().read(tx -> withGroups(tx, AccountGuard.owned(tx, caller, accountId)));
    }

    /** ListAccounts: name is a prefix filter; user-email yields the one account that has that user. */
    public Page<Account> list(
            Caller caller, String namePrefix, String userEmail, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, 100, 200);
        String scope = "accounts:" + caller.tenantId() + ":" + namePrefix + ":" + userEmail;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            if (userEmail != null) {
                List<Account> owner = tx.accountOfUserEmail(caller.tenantId(), userEmail)
                        .filter(a -> namePrefix == null || a.name().startsWith(namePrefix))
                        .filter(a -> after == null)
                        .map(List::of)
                        .orElse(List.of());
                return new Page<>(owner.stream().map(a -> withGroups(tx, a)).toList(), null);
            }
            List<Account> rows = tx.accounts(caller.tenantId(), namePrefix, after, size + 1);
            Page<Account> page = Paging.page(
                    rows, size, ctx.tokens(), scope, a -> a.createdAt().toEpochMilli(), Account::accountId);
            Map<String, List<String>> groups = tx.signinDelegateGroups(
                    page.items().stream().map(Account::accountId).toList());
            return new Page<>(
                    page.items().stream()
                            .map(a -> a.withSigninDelegateGroups(groups.getOrDefault(a.accountId(), List.of())))
                            .toList(),
                    page.nextToken());
        });
    }

    /** UpdateAccount changes only Name and DefaultLicense; with neither, nothing changes. */
    public Account update(Caller caller, String accountId, String name, License defaultLicense) {
        if (name != null) {
            Text.requireName("Name", name, NAME_MAX);
        }
        return ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            Account updated = name == null ? account : account.withName(name);
            updated = defaultLicense == null ? updated : updated.withDefaultLicense(defaultLicense);
            if (!updated.equals(account)) {
                tx.updateAccount(updated);
            }
            return withGroups(tx, updated);
        });
    }

    /** DeleteAccount: a Team account must have no active users left (D4); everything in it goes. */
    public void delete(Caller caller, String accountId) {
        ctx.store().write(tx -> {
            Account account = AccountGuard.owned(tx, caller, accountId);
            if (account.type() == AccountType.Team) {
                long active = tx.countUsers(accountId, RegistrationStatus.Registered)
                        + tx.countUsers(accountId, RegistrationStatus.Unregistered);
                if (active > 0) {
                    throw DomainException.unprocessable("The Team account " + accountId + " still has " + active
                            + " active user(s); suspend them with BatchSuspendUser before deleting the account.");
                }
            }
            new AuditTrail(tx, caller, "DeleteAccount", ctx.now())
                    .everyoneLeavesAccount(accountId)
                    .write();
            tx.deleteAccount(accountId);
            return null;
        });
    }

    /** Operator action (D3): suspend or reactivate an account. */
    public Account setStatus(Caller caller, String accountId, AccountStatus status) {
        return ctx.store().write(tx -> {
            Account updated = AccountGuard.owned(tx, caller, accountId).withStatus(status);
            tx.updateAccount(updated);
            return withGroups(tx, updated);
        });
    }

    // ---- sign-in delegate groups (issue 13, D52) ----

    /** The most groups an account holds; Chime published none, an unbounded list would bloat every Account. */
    static final int DELEGATE_GROUPS_MAX = 50;

    static final int GROUP_NAME_MAX = 1_024;

    /**
     * AssociateSigninDelegateGroupsWithAccount (D52): adds the names the account does not have yet, in the order
     * given; a name given twice or already associated is no error and changes nothing.
     */
    public void associateSigninDelegateGroups(Caller caller, String accountId, List<String> groupNames) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(groupNames));
        for (String name : names) {
            if (!Text.hasNonSpace(name)) {
                throw DomainException.badRequest(
                        "Each SigninDelegateGroup needs a GroupName with at least one non-space character.");
            }
            Text.requireAtMost("GroupName", name, GROUP_NAME_MAX);
        }
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            tx.lockAccount(accountId); // the limit holds across servers adding at once
            List<String> existing = tx.signinDelegateGroups(accountId);
            names.removeAll(existing);
            if (existing.size() + names.size() > DELEGATE_GROUPS_MAX) {
                throw DomainException.badRequest("An account holds at most " + DELEGATE_GROUPS_MAX
                        + " sign-in delegate groups; the account " + accountId + " has " + existing.size()
                        + " and this request adds " + names.size() + ".");
            }
            tx.addSigninDelegateGroups(accountId, names, ctx.now());
            return null;
        });
    }

    /** DisassociateSigninDelegateGroupsFromAccount (D52): names the account does not have are ignored. */
    public void disassociateSigninDelegateGroups(Caller caller, String accountId, List<String> groupNames) {
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            tx.removeSigninDelegateGroups(accountId, new LinkedHashSet<>(groupNames));
            return null;
        });
    }

    private static Account withGroups(StoreTransaction tx, Account account) {
        return account.withSigninDelegateGroups(tx.signinDelegateGroups(account.accountId()));
    }
}
