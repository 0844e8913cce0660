package dev.belfry.rooms;

/** Configurable quotas (D9); the defaults are Chime's published ones. */
public record Limits(int membersPerRoom, int roomsPerMember, int roomsPerAccount, int botsPerAccount) {
    public static Limits chimeDefaults() {
        return new Limits(1_000, 1_000, 1_500, 10);
    }
}
