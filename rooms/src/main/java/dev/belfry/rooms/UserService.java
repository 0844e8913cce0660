package dev.belfry.rooms;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users of an account: CreateUser, GetUser, ListUsers, UpdateUser, BatchSuspendUser, BatchUnsuspendUser. */
public final class UserService {
    /** The stored sizes of a user's email and display name (D27). */
    static final int EMAIL_MAX = 512;

    static final int USERNAME_MAX = 1_024;

    static final int BATCH_MAX = 50;
    private final DomainContext ctx;

    public UserService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /** One failed item of a batch user operation. */
    public record UserError(String userId, Failure failure, String message) {}

    /**
     * CreateUser. Chime refused it on Team accounts ("meant for directory accounts", boto3#2384); Belfry
     * does too, but says why. Within a tenant an email belongs to one account, so a taken email is a Conflict;
     * another tenant's users are not looked at (D19).
     */
    public User create(Caller caller, String accountId, String username, String email, UserType userType) {
        return create(caller, accountId, username, email, userType, null);
    }

    /** With the id a fixture file fixes (D93), or a new one when {@code id} is null. */
    public User create(Caller caller, String accountId, String username, String email, UserType userType, String id) {
        if (!Text.hasNonSpace(username) && !Text.hasNonSpace(email)) {
            throw DomainException.badRequest("CreateUser needs a Username or an Email.");
        }
        Text.requireAtMost("Email", email, EMAIL_MAX);
        Text.requireAtMost("Username", username, USERNAME_MAX);
        return ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            if (account.type() == AccountType.Team) {
                throw DomainException.badRequest("CreateUser works on Enterprise accounts only; the account "
                        + accountId + " is a Team account, whose users join by invitation: invite them with"
                        + " InviteUsers, or make an Enterprise account for them with `belfry admin create-account"
                        + " --name NAME --type EnterpriseLWA`, or on a server started with --create-account-type.");
            }
            if (email != null && tx.userByEmail(caller.tenantId(), email).isPresent()) {
                throw DomainException.conflict("A user with the email " + email + " already exists.");
            }
            Instant now = ctx.now();
            User user = new User(
                    Ids.orNew(id),
                    accountId,
                    email,
                    username,
                    account.defaultLicense(),
                    userType == null ? UserType.PrivateUser : userType,
                    RegistrationStatus.Registered,
                    null,
                    now,
                    null,
                    now);
            tx.insertUser(user);
            return user;
        });
    }

    public User get(Caller caller, String accountId, String userId) {
        return ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            return tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
        });
    }

    public Page<User> list(
            Caller caller, String accountId, String email, UserType userType, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, 100, 200);
        String scope =
                "users:" + accountId + ":" + (email == null ? "" : email.toLowerCase(Locale.ROOT)) + ":" + userType;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            List<User> rows = tx.users(accountId, email, userType, after, size + 1);
            return Paging.page(
                    rows, size, ctx.tokens(), scope, u -> u.createdAt().toEpochMilli(), User::userId);
        });
    }

    /**
     * UpdateUser changes LicenseType and UserType; anything left out stays. The license must be one of the
     * account's SupportedLicenses, as the model's documentation says (D59).
     */
    public User update(Caller caller, String accountId, String userId, License license, UserType userType) {
        return ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            return applyUpdate(tx, account, userId, license, userType);
        });
    }

    /** UpdateUser's rule on one user, shared with BatchUpdateUser (D59). */
    private static User applyUpdate(
            StoreTransaction tx, Account account, String userId, License license, UserType userType) {
        User user = tx.user(account.accountId(), userId).orElseThrow(() -> DomainException.notFound("user", userId));
        if (license != null
                && account.supportedLicenses() != null
                && !account.supportedLicenses().contains(license)) {
            throw DomainException.badRequest("The license " + license + " is not one of the account's"
                    + " SupportedLicenses " + account.supportedLicenses() + ".");
        }
        User updated = license == null ? user : user.withLicense(license);
        updated = userType == null ? updated : updated.withUserType(userType);
        if (!updated.equals(user)) {
            tx.updateUser(updated);
        }
        return updated;
    }

    // ---- BatchUpdateUser, LogoutUser, ResetPersonalPIN (issue 13, D56, D57, D59) ----

    static final int UPDATE_BATCH_MAX = 20;

    /** One item of BatchUpdateUser: a user id and what to change (null = leave as is). */
    public record UpdateItem(String userId, License license, UserType userType) {}

    /**
     * BatchUpdateUser (D59): at most 20 items, else the whole request is a BadRequest; each item follows
     * UpdateUser's rule and a failed one is reported in UserErrors without stopping the others. Items apply in
     * order, so a user named twice ends with the later item's values.
     */
    public List<UserError> batchUpdate(Caller caller, String accountId, List<UpdateItem> items) {
        if (items == null || items.size() > UPDATE_BATCH_MAX) {
            throw DomainException.badRequest(
                    "UpdateUserRequestItems must hold at most " + UPDATE_BATCH_MAX + " items.");
        }
        return ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            List<UserError> errors = new ArrayList<>();
            for (UpdateItem item : items) {
                try {
                    applyUpdate(tx, account, item.userId(), item.license(), item.userType());
                } catch (DomainException e) {
                    errors.add(new UserError(item.userId(), e.failure(), e.getMessage()));
                }
            }
            return errors;
        });
    }

    /**
     * LogoutUser (D56): checks the account and the user and records when it was asked. Belfry keeps no sessions
     * (requests are signed with credentials, not user logins), so there is nothing else to end.
     */
    public void logout(Caller caller, String accountId, String userId) {
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            User user = tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
            tx.recordLogout(user.userId(), ctx.now());
            return null;
        });
    }

    /** When LogoutUser last signed the user out (D56), for operators and tests. */
    public Optional<Instant> lastLogout(Caller caller, String accountId, String userId) {
        return ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            User user = tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
            return tx.lastLogout(user.userId());
        });
    }

    private static final java.security.SecureRandom PINS = new java.security.SecureRandom();

    /** ResetPersonalPIN (D57): a new random 10-digit PIN, different from every other PIN of the account. */
    public User resetPersonalPin(Caller caller, String accountId, String userId) {
        return ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            tx.lockAccount(accountId); // PINs are unique in the account, also between servers issuing them at once
            User user = tx.user(accountId, userId).orElseThrow(() -> DomainException.notFound("user", userId));
            String pin;
            do {
                pin = String.format(Locale.ROOT, "%010d", PINS.nextLong(10_000_000_000L));
            } while (pin.equals(user.personalPin()) || tx.personalPinTaken(accountId, pin));
            User updated = user.withPersonalPin(pin);
            tx.updateUser(updated);
            return updated;
        });
    }

    /** BatchSuspendUser: Team and EnterpriseLWA accounts only; memberships of suspended users stay (D12). */
    public List<UserError> suspend(Caller caller, String accountId, List<String> userIds) {
        return changeRegistration(caller, accountId, userIds, true);
    }

    /** BatchUnsuspendUser: EnterpriseLWA only; users that were not suspended are skipped silently. */
    public List<UserError> unsuspend(Caller caller, String accountId, List<String> userIds) {
        return changeRegistration(caller, accountId, userIds, false);
    }

    private List<UserError> changeRegistration(Caller caller, String accountId, List<String> userIds, boolean suspend) {
        if (userIds == null || userIds.size() > BATCH_MAX) {
            throw DomainException.badRequest("UserIdList must hold at most " + BATCH_MAX + " user ids.");
        }
        return ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            boolean allowed =
                    account.type() == AccountType.EnterpriseLWA || (suspend && account.type() == AccountType.Team);
            if (!allowed) {
                throw DomainException.badRequest((suspend
                                ? "BatchSuspendUser works on Team and EnterpriseLWA accounts"
                                : "BatchUnsuspendUser works on EnterpriseLWA accounts")
                        + " only; the account " + accountId + " is "
                        + account.type() + ".");
            }
            List<UserError> errors = new ArrayList<>();
            for (String userId : new LinkedHashSet<>(userIds)) {
                Optional<User> user = tx.user(accountId, userId);
                if (user.isEmpty()) {
                    errors.add(new UserError(userId, Failure.NOT_FOUND, "The user " + userId + " was not found."));
                } else if (suspend && !user.get().suspended()) {
                    tx.updateUser(user.get().withRegistration(RegistrationStatus.Suspended));
                } else if (!suspend && user.get().suspended()) {
                    tx.updateUser(user.get().withRegistration(RegistrationStatus.Registered));
                }
            }
            return errors;
        });
    }
}
