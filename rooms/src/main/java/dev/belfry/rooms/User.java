package dev.belfry.rooms;

import dev.belfry.rooms.Enums.InviteStatus;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import java.time.Instant;

/** A user of a Chime account. Optional fields are null when unset. */
public record User(
        String userId,
        String accountId,
        String primaryEmail,
        String displayName,
        License licenseType,
        UserType userType,
        RegistrationStatus registrationStatus,
        InviteStatus invitationStatus,
        Instant registeredOn,
        Instant invitedOn,
        Instant createdAt) {

    public boolean suspended() {
        return registrationStatus == RegistrationStatus.Suspended;
    }

    public User withLicense(License license) {
        return new User(
                userId,
                accountId,
                primaryEmail,
                displayName,
                license,
                userType,
                registrationStatus,
                invitationStatus,
                registeredOn,
                invitedOn,
                createdAt);
    }

    public User withUserType(UserType type) {
        return new User(
                userId,
                accountId,
                primaryEmail,
                displayName,
                licenseType,
                type,
                registrationStatus,
                invitationStatus,
                registeredOn,
                invitedOn,
                createdAt);
    }

    public User withRegistration(RegistrationStatus status) {
        return new User(
                userId,
                accountId,
                primaryEmail,
                displayName,
                licenseType,
                userType,
                status,
                invitationStatus,
                registeredOn,
                invitedOn,
                createdAt);
    }
}
