package dev.belfry.rooms;

/** GetAccountSettings' two meeting switches (D51). Belfry hosts no meetings: they are stored and echoed. */
public record AccountSettings(boolean disableRemoteControl, boolean enableDialOut) {
    /** What an account has until UpdateAccountSettings changes it, as the CLI example shows (D51). */
    public static final AccountSettings DEFAULTS = new AccountSettings(false, false);

    /** A partial update: a null field keeps its value. */
    public AccountSettings with(Boolean newDisableRemoteControl, Boolean newEnableDialOut) {
        return new AccountSettings(
                newDisableRemoteControl == null ? disableRemoteControl : newDisableRemoteControl,
                newEnableDialOut == null ? enableDialOut : newEnableDialOut);
    }
}
