package dev.belfry.rooms;

import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.License;
import java.time.Instant;
import java.util.List;

/**
 * A Chime account. {@code awsAccountId} is the tenant that owns it. {@code signinDelegateGroups} are the group
 * names associated with it (D52), in association order; the store fills them only where an account is shown
 * ({@link AccountService}), so the guard every operation runs reads one row.
 */
public record Account(
        String accountId,
        String awsAccountId,
        String name,
        AccountType type,
        AccountStatus status,
        License defaultLicense,
        List<License> supportedLicenses,
        Instant createdAt,
        List<String> signinDelegateGroups) {

    /** An account with no sign-in delegate groups. */
    public Account(
            String accountId,
            String awsAccountId,
            String name,
            AccountType type,
            AccountStatus status,
            License defaultLicense,
            List<License> supportedLicenses,
            Instant createdAt) {
        this(accountId, awsAccountId, name, type, status, defaultLicense, supportedLicenses, createdAt, List.of());
    }

    public Account withSigninDelegateGroups(List<String> groups) {
        return new Account(
                accountId,
                awsAccountId,
                name,
                type,
                status,
                defaultLicense,
                supportedLicenses,
                createdAt,
                List.copyOf(groups));
    }

    public Account withName(String newName) {
        return new Account(
                accountId,
                awsAccountId,
                newName,
                type,
                status,
                defaultLicense,
                supportedLicenses,
                createdAt,
                signinDelegateGroups);
    }

    public Account withDefaultLicense(License license) {
        return new Account(
                accountId,
                awsAccountId,
                name,
                type,
                status,
                license,
                supportedLicenses,
                createdAt,
                signinDelegateGroups);
    }

    public Account withStatus(AccountStatus newStatus) {
        return new Account(
                accountId,
                awsAccountId,
                name,
                type,
                newStatus,
                defaultLicense,
                supportedLicenses,
                createdAt,
                signinDelegateGroups);
    }
}
