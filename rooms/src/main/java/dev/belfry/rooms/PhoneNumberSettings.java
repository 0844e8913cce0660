package dev.belfry.rooms;

import java.time.Instant;

/** A tenant's phone number settings: the default outbound calling name (GetPhoneNumberSettings). */
public record PhoneNumberSettings(String callingName, Instant callingNameUpdatedAt) {}
