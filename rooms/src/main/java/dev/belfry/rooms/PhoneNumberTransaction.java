package dev.belfry.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The phone number inventory's part of a {@link StoreTransaction}. Every read takes the domain's {@code now}: a
 * number whose deletion deadline has passed is gone (D64), whether or not a write has purged its row yet.
 * Listings follow the port's keyset rules (sort key = creation time in epoch millis).
 */
public interface PhoneNumberTransaction {
    /**
     * Serialises the tenant's phone number writes until the transaction ends (a row lock on PostgreSQL; SQLite's
     * one writer already does), so two orders or associations racing on one number cannot both win.
     */
    void lockInventory(String tenantId);

    /** Deletes the tenant's numbers whose deletion deadline is at or before {@code now}. */
    void purgeExpired(String tenantId, Instant now);

    Optional<PhoneNumber> phoneNumber(String tenantId, String e164, Instant now);

    /** Every number the tenant holds (the deletion queue included). */
    Set<String> ownedNumbers(String tenantId, Instant now);

    /** The number associated with the user, if any. */
    Optional<PhoneNumber> numberOfUser(String tenantId, String userId, Instant now);

    /**
     * The tenant's numbers matching every non-null filter. {@code accountId}/{@code userId} match the number's
     * association.
     */
    List<PhoneNumber> phoneNumbers(
            String tenantId,
            PhoneNumber.Status status,
            PhoneNumber.ProductType productType,
            String accountId,
            String userId,
            Instant now,
            Cursor after,
            int limit);

    void insertPhoneNumbers(List<PhoneNumber> numbers);

    void updatePhoneNumber(PhoneNumber number);

    void insertOrder(PhoneNumberOrder order);

    Optional<PhoneNumberOrder> order(String tenantId, String orderId);

    List<PhoneNumberOrder> orders(String tenantId, Cursor after, int limit);

    Optional<PhoneNumberSettings> settings(String tenantId);

    void putSettings(String tenantId, PhoneNumberSettings settings);
}
