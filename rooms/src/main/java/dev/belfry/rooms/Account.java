package dev.belfry.rooms;

import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.License;
import java.time.Instant;
import java.util.List;

/** A Chime account. {@code awsAccountId} is the tenant that owns it. */
public record Account(
        String accountId,
        String awsAccountId,
        String name,
        AccountType type,
        AccountStatus status,
        License defaultLicense,
        List<License> supportedLicenses,
        Instant createdAt) {

    public Account withName(String newName) {
        return new Account(
                accountId, awsAccountId, newName, type, status, defaultLicense, supportedLicenses, createdAt);
    }

    public Account withDefaultLicense(License license) {
        return new Account(accountId, awsAccountId, name, type, status, license, supportedLicenses, createdAt);
    }

    public Account withStatus(AccountStatus newStatus) {
        return new Account(
                accountId, awsAccountId, name, type, newStatus, defaultLicense, supportedLicenses, createdAt);
    }
}
