package dev.belfry.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation of the model, kebab-cased as botocore's xform_name(name, '-') does (expectations from botocore). */
class NamesTest {
    record Case(String operation, String command) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case("AssociatePhoneNumberWithUser", "associate-phone-number-with-user"),
                new Case("AssociateSigninDelegateGroupsWithAccount", "associate-signin-delegate-groups-with-account"),
                new Case("BatchCreateRoomMembership", "batch-create-room-membership"),
                new Case("BatchDeletePhoneNumber", "batch-delete-phone-number"),
                new Case("BatchSuspendUser", "batch-suspend-user"),
                new Case("BatchUnsuspendUser", "batch-unsuspend-user"),
                new Case("BatchUpdatePhoneNumber", "batch-update-phone-number"),
                new Case("BatchUpdateUser", "batch-update-user"),
                new Case("CreateAccount", "create-account"),
                new Case("CreateBot", "create-bot"),
                new Case("CreateMeetingDialOut", "create-meeting-dial-out"),
                new Case("CreatePhoneNumberOrder", "create-phone-number-order"),
                new Case("CreateRoom", "create-room"),
                new Case("CreateRoomMembership", "create-room-membership"),
                new Case("CreateUser", "create-user"),
                new Case("DeleteAccount", "delete-account"),
                new Case("DeleteEventsConfiguration", "delete-events-configuration"),
                new Case("DeletePhoneNumber", "delete-phone-number"),
                new Case("DeleteRoom", "delete-room"),
                new Case("DeleteRoomMembership", "delete-room-membership"),
                new Case("DisassociatePhoneNumberFromUser", "disassociate-phone-number-from-user"),
                new Case(
                        "DisassociateSigninDelegateGroupsFromAccount",
                        "disassociate-signin-delegate-groups-from-account"),
                new Case("GetAccount", "get-account"),
                new Case("GetAccountSettings", "get-account-settings"),
                new Case("GetBot", "get-bot"),
                new Case("GetEventsConfiguration", "get-events-configuration"),
                new Case("GetGlobalSettings", "get-global-settings"),
                new Case("GetPhoneNumber", "get-phone-number"),
                new Case("GetPhoneNumberOrder", "get-phone-number-order"),
                new Case("GetPhoneNumberSettings", "get-phone-number-settings"),
                new Case("GetRetentionSettings", "get-retention-settings"),
                new Case("GetRoom", "get-room"),
                new Case("GetUser", "get-user"),
                new Case("GetUserSettings", "get-user-settings"),
                new Case("InviteUsers", "invite-users"),
                new Case("ListAccounts", "list-accounts"),
                new Case("ListBots", "list-bots"),
                new Case("ListPhoneNumberOrders", "list-phone-number-orders"),
                new Case("ListPhoneNumbers", "list-phone-numbers"),
                new Case("ListRoomMemberships", "list-room-memberships"),
                new Case("ListRooms", "list-rooms"),
                new Case("ListSupportedPhoneNumberCountries", "list-supported-phone-number-countries"),
                new Case("ListUsers", "list-users"),
                new Case("LogoutUser", "logout-user"),
                new Case("PutEventsConfiguration", "put-events-configuration"),
                new Case("PutRetentionSettings", "put-retention-settings"),
                new Case("RedactConversationMessage", "redact-conversation-message"),
                new Case("RedactRoomMessage", "redact-room-message"),
                new Case("RegenerateSecurityToken", "regenerate-security-token"),
                new Case("ResetPersonalPIN", "reset-personal-pin"),
                new Case("RestorePhoneNumber", "restore-phone-number"),
                new Case("SearchAvailablePhoneNumbers", "search-available-phone-numbers"),
                new Case("UpdateAccount", "update-account"),
                new Case("UpdateAccountSettings", "update-account-settings"),
                new Case("UpdateBot", "update-bot"),
                new Case("UpdateGlobalSettings", "update-global-settings"),
                new Case("UpdatePhoneNumber", "update-phone-number"),
                new Case("UpdatePhoneNumberSettings", "update-phone-number-settings"),
                new Case("UpdateRoom", "update-room"),
                new Case("UpdateRoomMembership", "update-room-membership"),
                new Case("UpdateUser", "update-user"),
                new Case("UpdateUserSettings", "update-user-settings"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kebabCasesLikeBotocore(Case c) {
        assertThat(Names.kebab(c.operation())).isEqualTo(c.command());
    }
}
