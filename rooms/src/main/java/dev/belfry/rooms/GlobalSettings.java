package dev.belfry.rooms;

/**
 * The tenant's call-detail-record buckets (D53): one per AWS account, null when none is set. Belfry records no
 * calls, so nothing is ever written to them.
 */
public record GlobalSettings(String businessCallingCdrBucket, String voiceConnectorCdrBucket) {
    public static final GlobalSettings NONE = new GlobalSettings(null, null);
}
