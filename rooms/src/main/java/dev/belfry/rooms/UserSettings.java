package dev.belfry.rooms;

/** A user's Telephony permissions (D55): replaced whole by UpdateUserSettings, all off until then. */
public record UserSettings(boolean inboundCalling, boolean outboundCalling, boolean sms) {
    public static final UserSettings DEFAULTS = new UserSettings(false, false, false);
}
