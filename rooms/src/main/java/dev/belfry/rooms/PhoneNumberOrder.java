package dev.belfry.rooms;

import java.time.Instant;
import java.util.List;

/**
 * A phone number order of a tenant. Belfry decides it when it is made (D61): each number is Acquired or Failed at
 * once, and the order is Successful, Partial or Failed accordingly.
 */
public record PhoneNumberOrder(
        String tenantId,
        String orderId,
        PhoneNumber.ProductType productType,
        Status status,
        List<Ordered> numbers,
        Instant createdAt,
        Instant updatedAt) {

    /** The model's PhoneNumberOrderStatus. */
    public enum Status {
        Processing,
        Successful,
        Failed,
        Partial
    }

    /** The model's OrderedPhoneNumberStatus. */
    public enum NumberStatus {
        Processing,
        Acquired,
        Failed
    }

    /** One number of the order and what became of it. */
    public record Ordered(String e164, NumberStatus status) {}

    public PhoneNumberOrder {
        numbers = List.copyOf(numbers);
    }

    static Status statusOf(List<Ordered> numbers) {
        long acquired = numbers.stream()
                .filter(n -> n.status() == NumberStatus.Acquired)
                .count();
        if (acquired == numbers.size()) {
            return Status.Successful;
        }
        return acquired == 0 ? Status.Failed : Status.Partial;
    }
}
