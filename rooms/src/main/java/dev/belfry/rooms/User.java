package dev.belfry.rooms;

import dev.belfry.rooms.Enums.InviteStatus;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import java.time.Instant;

/**
 * A user of a Chime account. Optional fields are null when unset. {@code personalPin} is the static meeting id
 * ResetPersonalPIN issues (D57); a user who never had one reset has none.
 */
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
        Instant createdAt,
        String personalPin) {

    /** A user without a PIN: every user until ResetPersonalPIN gives one. */
    public User(
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
        this(
                userId,
                accountId,
                primaryEmail,
                displayName,
                licenseType,
                userType,
                registrationStatus,
                invitationStatus,
                registeredOn,
                invitedOn,
                createdAt,
                null);
    }

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
                createdAt,
                personalPin);
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
                createdAt,
                personalPin);
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
                createdAt,
                personalPin);
    }

    public User withPersonalPin(String pin) {
        return new User(
                userId,
                accountId,
                primaryEmail,
                displayName,
                licenseType,
                userType,
                registrationStatus,
                invitationStatus,
                registeredOn,
                invitedOn,
                createdAt,
                pin);
    }

    /** InviteUsers re-inviting this user (D54): Pending again, invited now, with the type asked for if any. */
    public User reinvited(Instant at, UserType type) {
        return new User(
                userId,
                accountId,
                primaryEmail,
                displayName,
                licenseType,
                type == null ? userType : type,
                registrationStatus == RegistrationStatus.Suspended
                        ? RegistrationStatus.Unregistered
                        : registrationStatus,
                InviteStatus.Pending,
                registeredOn,
                at,
                createdAt,
                personalPin);
    }
}
