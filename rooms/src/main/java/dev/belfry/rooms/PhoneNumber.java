package dev.belfry.rooms;

import java.time.Instant;

/**
 * A phone number in a tenant's inventory (Belfry places no calls: this is the administrative record). The
 * number's id is its E.164 form, as Chime's PhoneNumberId is (D60). The status is derived, never stored: a
 * number in the deletion queue is DeleteInProgress, one associated with a user Assigned, any other Unassigned.
 *
 * @param deletionAt when the number leaves the deletion queue for good (D64); null when not queued
 * @param accountId the Chime account of the associated user; null when not associated
 */
public record PhoneNumber(
        String tenantId,
        String e164,
        String country,
        Type type,
        ProductType productType,
        String callingName,
        String accountId,
        String userId,
        Instant associatedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletionAt) {

    /** The model's PhoneNumberType. */
    public enum Type {
        Local,
        TollFree
    }

    /** The model's PhoneNumberProductType. */
    public enum ProductType {
        BusinessCalling,
        VoiceConnector,
        SipMediaApplicationDialIn
    }

    /** The model's PhoneNumberStatus; Belfry's numbers are only ever in three of them. */
    public enum Status {
        AcquireInProgress,
        AcquireFailed,
        Unassigned,
        Assigned,
        ReleaseInProgress,
        DeleteInProgress,
        ReleaseFailed,
        DeleteFailed
    }

    /** The model's PhoneNumberAssociationName. */
    public enum AssociationName {
        AccountId,
        UserId,
        VoiceConnectorId,
        VoiceConnectorGroupId,
        SipRuleId
    }

    public Status status() {
        if (deletionAt != null) {
            return Status.DeleteInProgress;
        }
        return userId != null ? Status.Assigned : Status.Unassigned;
    }

    /** A calling name is set at once (D63): there is no carrier to wait for. */
    public String callingNameStatus() {
        return callingName == null || callingName.isEmpty() ? "Unassigned" : "UpdateSucceeded";
    }

    public PhoneNumber withProductType(ProductType product, Instant now) {
        return new PhoneNumber(
                tenantId,
                e164,
                country,
                type,
                product,
                callingName,
                accountId,
                userId,
                associatedAt,
                createdAt,
                now,
                deletionAt);
    }

    public PhoneNumber withCallingName(String name, Instant now) {
        return new PhoneNumber(
                tenantId,
                e164,
                country,
                type,
                productType,
                name,
                accountId,
                userId,
                associatedAt,
                createdAt,
                now,
                deletionAt);
    }

    public PhoneNumber associated(String account, String user, Instant now) {
        return new PhoneNumber(
                tenantId,
                e164,
                country,
                type,
                productType,
                callingName,
                account,
                user,
                user == null ? null : now,
                createdAt,
                now,
                deletionAt);
    }

    public PhoneNumber queuedForDeletion(Instant deadline, Instant now) {
        return new PhoneNumber(
                tenantId,
                e164,
                country,
                type,
                productType,
                callingName,
                accountId,
                userId,
                associatedAt,
                createdAt,
                now,
                deadline);
    }
}
