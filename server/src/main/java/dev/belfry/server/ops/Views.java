package dev.belfry.server.ops;

import dev.belfry.model.ServiceModel;
import dev.belfry.rooms.Account;
import dev.belfry.rooms.AccountSettings;
import dev.belfry.rooms.BatchAdd;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.EventsConfiguration;
import dev.belfry.rooms.GlobalSettings;
import dev.belfry.rooms.Invite;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.RetentionSettings;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.User;
import dev.belfry.rooms.UserService;
import dev.belfry.rooms.UserSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain records as the model's output structures, keyed by its member names and checked against it at start-up
 * ({@link #check}). Nulls are left out by the writer.
 */
public final class Views {
    private Views() {}

    static final View<Account> ACCOUNT = View.<Account>of("Account")
            .member("AwsAccountId", Account::awsAccountId)
            .member("AccountId", Account::accountId)
            .member("Name", Account::name)
            .member("AccountType", Account::type)
            .member("CreatedTimestamp", Account::createdAt)
            .member("DefaultLicense", Account::defaultLicense)
            .member("SupportedLicenses", Account::supportedLicenses)
            .member("AccountStatus", Account::status)
            // D52: left out while the account has none, as the accounts in Chime's examples show none
            .member("SigninDelegateGroups", Views::signinDelegateGroups)
            .build();

    static final View<User> USER = View.<User>of("User")
            .member("UserId", User::userId)
            .member("AccountId", User::accountId)
            .member("PrimaryEmail", User::primaryEmail)
            .member("PrimaryProvisionedNumber", User::primaryProvisionedNumber) // D67, in the model's order
            .member("DisplayName", User::displayName)
            .member("LicenseType", User::licenseType)
            .member("UserType", User::userType)
            .member("UserRegistrationStatus", User::registrationStatus)
            .member("UserInvitationStatus", User::invitationStatus)
            .member("RegisteredOn", User::registeredOn)
            .member("InvitedOn", User::invitedOn)
            .member("PersonalPIN", User::personalPin) // D57
            .build();

    static final View<Bot> BOT = View.<Bot>of("Bot")
            .member("BotId", Bot::botId)
            .member("UserId", Bot::userId)
            .member("DisplayName", Bot::displayName)
            .member("BotType", b -> "ChatBot")
            .member("Disabled", Bot::disabled)
            .member("CreatedTimestamp", Bot::createdAt)
            .member("UpdatedTimestamp", Bot::updatedAt)
            .member("BotEmail", Bot::botEmail)
            .member("SecurityToken", Bot::securityToken)
            .build();

    static final View<EventsConfiguration> EVENTS_CONFIGURATION = View.<EventsConfiguration>of("EventsConfiguration")
            .member("BotId", EventsConfiguration::botId)
            .member("OutboundEventsHTTPSEndpoint", EventsConfiguration::httpsEndpoint)
            .member("LambdaFunctionArn", EventsConfiguration::lambdaFunctionArn)
            .build();

    static final View<Room> ROOM = View.<Room>of("Room")
            .member("RoomId", Room::roomId)
            .member("Name", Room::name)
            .member("AccountId", Room::accountId)
            .member("CreatedBy", Room::createdBy)
            .member("CreatedTimestamp", Room::createdAt)
            .member("UpdatedTimestamp", Room::updatedAt)
            .build();

    static final View<Member> MEMBER = View.<Member>of("Member")
            .member("MemberId", Member::memberId)
            .member("MemberType", Member::type)
            .member("Email", Member::email)
            .member("FullName", Member::fullName)
            .member("AccountId", Member::accountId)
            .build();

    static final View<Membership> MEMBERSHIP = View.<Membership>of("RoomMembership")
            .member("RoomId", Membership::roomId)
            .member("Member", ms -> MEMBER.render(ms.member()))
            .member("Role", Membership::role)
            .member("InvitedBy", Membership::invitedBy)
            .member("UpdatedTimestamp", Membership::updatedAt)
            .build();

    /** A failed item of BatchCreateRoomMembership (D10). */
    static final View<BatchAdd.Outcome> MEMBER_ERROR = View.<BatchAdd.Outcome>of("MemberError")
            .member("MemberId", BatchAdd.Outcome::memberId)
            .member("ErrorCode", o -> ErrorCodes.itemCode(o.failure()))
            .member("ErrorMessage", BatchAdd.Outcome::message)
            .build();

    /** A failed item of BatchSuspendUser and BatchUnsuspendUser. */
    static final View<UserService.UserError> USER_ERROR = View.<UserService.UserError>of("UserError")
            .member("UserId", UserService.UserError::userId)
            .member("ErrorCode", e -> ErrorCodes.itemCode(e.failure()))
            .member("ErrorMessage", UserService.UserError::message)
            .build();

    // ---- account and user settings, invitations (issue 13, D51-D59) ----

    static final View<AccountSettings> ACCOUNT_SETTINGS = View.<AccountSettings>of("AccountSettings")
            .member("DisableRemoteControl", AccountSettings::disableRemoteControl)
            .member("EnableDialOut", AccountSettings::enableDialOut)
            .build();

    static final View<UserSettings> TELEPHONY = View.<UserSettings>of("TelephonySettings")
            .member("InboundCalling", UserSettings::inboundCalling)
            .member("OutboundCalling", UserSettings::outboundCalling)
            .member("SMS", UserSettings::sms)
            .build();

    static final View<UserSettings> USER_SETTINGS = View.<UserSettings>of("UserSettings")
            .member("Telephony", TELEPHONY::render)
            .build();

    static final View<GlobalSettings> BUSINESS_CALLING = View.<GlobalSettings>of("BusinessCallingSettings")
            .member("CdrBucket", GlobalSettings::businessCallingCdrBucket)
            .build();

    static final View<GlobalSettings> VOICE_CONNECTOR = View.<GlobalSettings>of("VoiceConnectorSettings")
            .member("CdrBucket", GlobalSettings::voiceConnectorCdrBucket)
            .build();

    static final View<Integer> ROOM_RETENTION = View.<Integer>of("RoomRetentionSettings")
            .member("RetentionDays", days -> days)
            .build();

    static final View<Integer> CONVERSATION_RETENTION = View.<Integer>of("ConversationRetentionSettings")
            .member("RetentionDays", days -> days)
            .build();

    /** D58: both sections always, each without RetentionDays while that retention is off. */
    static final View<RetentionSettings> RETENTION_SETTINGS = View.<RetentionSettings>of("RetentionSettings")
            .member("RoomRetentionSettings", r -> ROOM_RETENTION.render(r == null ? null : r.roomDays()))
            .member(
                    "ConversationRetentionSettings",
                    r -> CONVERSATION_RETENTION.render(r == null ? null : r.conversationDays()))
            .build();

    static final View<Invite> INVITE = View.<Invite>of("Invite")
            .member("InviteId", Invite::inviteId)
            .member("Status", Invite::status)
            .member("EmailAddress", Invite::emailAddress)
            .member("EmailStatus", Invite::emailStatus)
            .build();

    private static Object signinDelegateGroups(Account account) {
        List<String> groups = account.signinDelegateGroups();
        return groups == null || groups.isEmpty()
                ? null
                : groups.stream().map(g -> single("GroupName", g)).toList();
    }

    private static final List<View<?>> ALL = List.of(
            ACCOUNT,
            USER,
            BOT,
            EVENTS_CONFIGURATION,
            ROOM,
            MEMBER,
            MEMBERSHIP,
            MEMBER_ERROR,
            USER_ERROR,
            ACCOUNT_SETTINGS,
            TELEPHONY,
            USER_SETTINGS,
            BUSINESS_CALLING,
            VOICE_CONNECTOR,
            ROOM_RETENTION,
            CONVERSATION_RETENTION,
            RETENTION_SETTINGS,
            INVITE);

    /** Fails when a view names a member its structure does not have; run while the server starts. */
    static void check(ServiceModel model) {
        ALL.forEach(view -> view.check(model));
    }

    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
