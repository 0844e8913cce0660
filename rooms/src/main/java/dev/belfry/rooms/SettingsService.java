package dev.belfry.rooms;

import java.util.regex.Pattern;

/**
 * Settings Belfry stores and echoes without behaviour of its own (issue 13): account settings (D51), the tenant's
 * global settings (D53), user settings (D55) and retention settings (D58; enforced on messages by a later issue).
 */
public final class SettingsService {
    /** S3's bucket-naming rules: 3-63 lowercase letters, digits, dots and hyphens, a letter or digit at each end. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final DomainContext ctx;

    public SettingsService(DomainContext ctx) {
        this.ctx = ctx;
    }

    public AccountSettings accountSettings(Caller caller, String accountId) {
        return ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            return tx.accountSettings(accountId).orElse(AccountSettings.DEFAULTS);
        });
    }

    /** UpdateAccountSettings: a field left out keeps its value (D51). */
    public AccountSettings updateAccountSettings(
            Caller caller, String accountId, Boolean disableRemoteControl, Boolean enableDialOut) {
        return ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            tx.lockAccount(accountId); // a partial update reads, then writes: servers updating at once keep both
            AccountSettings current = tx.accountSettings(accountId).orElse(AccountSettings.DEFAULTS);
            AccountSettings updated = current.with(disableRemoteControl, enableDialOut);
            tx.putAccountSettings(accountId, updated);
            return updated;
        });
    }

    /** GetGlobalSettings: the caller's tenant (its AWS account), not a Chime account. */
    public GlobalSettings globalSettings(Caller caller) {
        return ctx.store().read(tx -> tx.globalSettings(caller.tenantId()).orElse(GlobalSettings.NONE));
    }

    /**
     * UpdateGlobalSettings (D53). A section left out keeps its bucket; a section given sets its bucket to the
     * CdrBucket it holds, and one without a CdrBucket (or with an empty one) clears it.
     *
     * @param businessCalling null = section left out; otherwise the bucket, null or "" to clear
     */
    public GlobalSettings updateGlobalSettings(
            Caller caller,
            boolean businessCallingGiven,
            String businessCalling,
            boolean voiceConnectorGiven,
            String voiceConnector) {
        String business = bucket("BusinessCalling.CdrBucket", businessCalling);
        String voice = bucket("VoiceConnector.CdrBucket", voiceConnector);
        return ctx.store().write(tx -> {
            GlobalSettings current = tx.lockGlobalSettings(caller.tenantId());
            GlobalSettings updated = new GlobalSettings(
                    businessCallingGiven ? business : current.businessCallingCdrBucket(),
                    voiceConnectorGiven ? voice : current.voiceConnectorCdrBucket());
            tx.putGlobalSettings(caller.tenantId(), updated);
            return updated;
        });
    }

    private static String bucket(String field, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (!BUCKET.matcher(name).matches() || name.contains("..")) {
            throw DomainException.badRequest(field + " must be an S3 bucket name: 3 to 63 lowercase letters, digits,"
                    + " dots and hyphens, beginning and ending with a letter or digit; was " + name + ".");
        }
        return name;
    }

    public UserSettings userSettings(Caller caller, String accountId, String userId) {
        return ctx.store().read(tx -> {
            AccountGuard.active(tx, caller, accountId);
            requireUser(tx, accountId, userId);
            return tx.userSettings(userId).orElse(UserSettings.DEFAULTS);
        });
    }

    /** UpdateUserSettings replaces the whole Telephony triple: the model requires all three (D55). */
    public void updateUserSettings(Caller caller, String accountId, String userId, UserSettings settings) {
        ctx.store().write(tx -> {
            AccountGuard.active(tx, caller, accountId);
            requireUser(tx, accountId, userId);
            tx.putUserSettings(userId, settings);
            return null;
        });
    }

    private static void requireUser(StoreTransaction tx, String accountId, String userId) {
        if (tx.user(accountId, userId).isEmpty()) {
            throw DomainException.notFound("user", userId);
        }
    }

    /** GetRetentionSettings: Enterprise accounts only, as Chime's documentation says (D58). */
    public RetentionSettings retentionSettings(Caller caller, String accountId) {
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            return tx.retentionSettings(accountId).orElse(null);
        });
    }

    /**
     * PutRetentionSettings replaces both periods: a RetentionDays left out turns that retention off (D58). Each
     * put restarts the 30-day grace period before deletion.
     */
    public RetentionSettings putRetentionSettings(
            Caller caller, String accountId, Integer roomDays, Integer conversationDays) {
        days("RoomRetentionSettings.RetentionDays", roomDays);
        days("ConversationRetentionSettings.RetentionDays", conversationDays);
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            RetentionSettings settings = new RetentionSettings(roomDays, conversationDays, ctx.now());
            tx.putRetentionSettings(accountId, settings);
            return settings;
        });
    }

    private static void days(String field, Integer days) {
        if (days != null && (days < RetentionSettings.MIN_DAYS || days > RetentionSettings.MAX_DAYS)) {
            throw DomainException.badRequest(field + " must be from " + RetentionSettings.MIN_DAYS + " to "
                    + RetentionSettings.MAX_DAYS + " days; was " + days + ".");
        }
    }
}
