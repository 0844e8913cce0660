package dev.belfry.it.api;

import static dev.belfry.it.api.Api.account;
import static dev.belfry.it.api.Api.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.store.StoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Account;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.ForbiddenException;
import software.amazon.awssdk.services.chime.model.License;
import software.amazon.awssdk.services.chime.model.NotFoundException;
import software.amazon.awssdk.services.chime.model.SigninDelegateGroup;
import software.amazon.awssdk.services.chime.model.UpdateUserRequestItem;
import software.amazon.awssdk.services.chime.model.User;
import software.amazon.awssdk.services.chime.model.UserError;

/**
 * Issue 13's account and user operations through the AWS SDK for Java v2, on SQLite and (BELFRY_IT_DB=postgres)
 * PostgreSQL: account settings (D51), sign-in delegate groups (D52), global settings (D53), user settings (D55),
 * LogoutUser (D56), ResetPersonalPIN (D57), retention settings (D58) and BatchUpdateUser (D59). InviteUsers (D54)
 * is {@link InviteUsersIT}'s.
 */
class AccountAndUserSettingsIT {
    static RunningServer team;
    static RunningServer teamNoMail;
    static RunningServer lwa;
    static ChimeClient teamClient;
    static ChimeClient chime;

    @BeforeAll
    static void start() throws Exception {
        team = RunningServer.start(Databases.forSuite());
        teamNoMail = RunningServer.start(Databases.forSuite());
        lwa = Api.enterprise();
        teamClient = team.client();
        chime = lwa.client();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : List.of(team, teamNoMail, lwa)) {
            c.close();
        }
    }

    // ---------------------------------------------------------------- D51 account settings

    @Test
    void accountSettingsDefaultToFalseAndUpdatePartially() {
        Account a = account(chime, "Settings");
        var fresh = chime.getAccountSettings(b -> b.accountId(a.accountId())).accountSettings();
        assertThat(fresh.disableRemoteControl()).isFalse();
        assertThat(fresh.enableDialOut()).isFalse();

        chime.updateAccountSettings(b -> b.accountId(a.accountId()).accountSettings(s -> s.disableRemoteControl(true)));
        chime.updateAccountSettings(b -> b.accountId(a.accountId()).accountSettings(s -> s.enableDialOut(true)));
        chime.updateAccountSettings(b -> b.accountId(a.accountId()).accountSettings(s -> {}));
        var after = chime.getAccountSettings(b -> b.accountId(a.accountId())).accountSettings();
        assertThat(after.disableRemoteControl()).isTrue();
        assertThat(after.enableDialOut()).isTrue();

        // Team accounts have them too: they are about meetings, not rooms
        Account t = account(teamClient, "Team settings");
        teamClient.updateAccountSettings(b -> b.accountId(t.accountId()).accountSettings(s -> s.enableDialOut(true)));
        assertThat(teamClient
                        .getAccountSettings(b -> b.accountId(t.accountId()))
                        .accountSettings()
                        .enableDialOut())
                .isTrue();
        assertThatThrownBy(() -> chime.getAccountSettings(b -> b.accountId("6c3c3d1e-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- D52 sign-in delegate groups

    @Test
    void signinDelegateGroupsShowOnTheAccountInAssociationOrder() {
        Account a = account(chime, "Delegates-" + System.nanoTime());
        assertThat(a.signinDelegateGroups()).isEmpty();
        chime.associateSigninDelegateGroupsWithAccount(b ->
                b.accountId(a.accountId()).signinDelegateGroups(group("my_users"), group("admins"), group("my_users")));
        chime.associateSigninDelegateGroupsWithAccount(
                b -> b.accountId(a.accountId()).signinDelegateGroups(group("admins"), group("ops")));
        assertThat(groups(chime.getAccount(b -> b.accountId(a.accountId())).account()))
                .containsExactly("my_users", "admins", "ops");

        chime.disassociateSigninDelegateGroupsFromAccount(
                b -> b.accountId(a.accountId()).groupNames("admins", "never-associated"));
        assertThat(groups(chime.getAccount(b -> b.accountId(a.accountId())).account()))
                .containsExactly("my_users", "ops");
        assertThat(chime.listAccounts(b -> b.name(a.name())).accounts())
                .singleElement()
                .satisfies(listed -> assertThat(groups(listed)).containsExactly("my_users", "ops"));

        assertThatThrownBy(() -> chime.associateSigninDelegateGroupsWithAccount(b -> b.accountId(a.accountId())
                        .signinDelegateGroups(SigninDelegateGroup.builder().build())))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> chime.disassociateSigninDelegateGroupsFromAccount(
                        b -> b.accountId(a.accountId()).groupNames(List.of())))
                .isInstanceOf(BadRequestException.class);
    }

    private static SigninDelegateGroup group(String name) {
        return SigninDelegateGroup.builder().groupName(name).build();
    }

    private static List<String> groups(Account a) {
        return a.signinDelegateGroups().stream()
                .map(SigninDelegateGroup::groupName)
                .toList();
    }

    // ---------------------------------------------------------------- D53 global settings

    @Test
    void globalSettingsKeepAnOmittedSectionAndClearAnEmptyOne() {
        // teamNoMail's database is this test's alone: it starts with no buckets
        ChimeClient c = teamNoMail.client();
        var none = c.getGlobalSettings(b -> {});
        assertThat(none.businessCalling().cdrBucket()).isNull();
        assertThat(none.voiceConnector().cdrBucket()).isNull();

        c.updateGlobalSettings(
                b -> b.businessCalling(s -> s.cdrBucket("s3bucket")).voiceConnector(s -> s.cdrBucket("voice-cdrs")));
        c.updateGlobalSettings(b -> b.voiceConnector(s -> s.cdrBucket("voice.cdrs-2")));
        var both = c.getGlobalSettings(b -> {});
        assertThat(both.businessCalling().cdrBucket()).isEqualTo("s3bucket");
        assertThat(both.voiceConnector().cdrBucket()).isEqualTo("voice.cdrs-2");

        c.updateGlobalSettings(b -> b.businessCalling(s -> {}));
        var cleared = c.getGlobalSettings(b -> {});
        assertThat(cleared.businessCalling().cdrBucket()).isNull();
        assertThat(cleared.voiceConnector().cdrBucket()).isEqualTo("voice.cdrs-2");

        assertThatThrownBy(() -> c.updateGlobalSettings(b -> b.businessCalling(s -> s.cdrBucket("Not_A_Bucket"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("S3 bucket name");
    }

    // ---------------------------------------------------------------- D55 user settings

    @Test
    void userSettingsStartOffAndAreReplacedWhole() {
        Account a = account(chime, "User settings");
        User u = user(chime, a.accountId(), "tel-" + System.nanoTime());
        var fresh = chime.getUserSettings(b -> b.accountId(a.accountId()).userId(u.userId()))
                .userSettings()
                .telephony();
        assertThat(List.of(fresh.inboundCalling(), fresh.outboundCalling(), fresh.sms()))
                .containsOnly(false);
        chime.updateUserSettings(b -> b.accountId(a.accountId())
                .userId(u.userId())
                .userSettings(s -> s.telephony(
                        t -> t.inboundCalling(true).outboundCalling(true).sms(true))));
        chime.updateUserSettings(b -> b.accountId(a.accountId())
                .userId(u.userId())
                .userSettings(s -> s.telephony(
                        t -> t.inboundCalling(true).outboundCalling(false).sms(true))));
        var after = chime.getUserSettings(b -> b.accountId(a.accountId()).userId(u.userId()))
                .userSettings()
                .telephony();
        assertThat(List.of(after.inboundCalling(), after.outboundCalling(), after.sms()))
                .containsExactly(true, false, true);
        assertThatThrownBy(() ->
                        chime.getUserSettings(b -> b.accountId(a.accountId()).userId("no-such-user")))
                .isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- D56 LogoutUser, D57 ResetPersonalPIN

    @Test
    void logoutUserValidatesAndRecordsTheTime() {
        Account a = account(chime, "Logout");
        User u = user(chime, a.accountId(), "out-" + System.nanoTime());
        Instant before = Instant.now().minusMillis(1);
        chime.logoutUser(b -> b.accountId(a.accountId()).userId(u.userId()));
        assertThat(lwa.server().domain().users().lastLogout(Api.OPERATOR, a.accountId(), u.userId()))
                .hasValueSatisfying(t -> assertThat(t).isAfter(before));
        assertThatThrownBy(
                        () -> chime.logoutUser(b -> b.accountId(a.accountId()).userId("no-such-user")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void resetPersonalPinIssuesANewTenDigitPinThatGetUserShows() {
        Account a = account(chime, "PINs");
        User u = user(chime, a.accountId(), "pin-" + System.nanoTime());
        assertThat(u.personalPIN()).isNull();
        User reset = chime.resetPersonalPIN(b -> b.accountId(a.accountId()).userId(u.userId()))
                .user();
        assertThat(reset.personalPIN()).matches("\\d{10}");
        assertThat(chime.getUser(b -> b.accountId(a.accountId()).userId(u.userId()))
                        .user()
                        .personalPIN())
                .isEqualTo(reset.personalPIN());
        User again = chime.resetPersonalPIN(b -> b.accountId(a.accountId()).userId(u.userId()))
                .user();
        assertThat(again.personalPIN()).matches("\\d{10}").isNotEqualTo(reset.personalPIN());
        assertThatThrownBy(() ->
                        chime.resetPersonalPIN(b -> b.accountId(a.accountId()).userId("no-such-user")))
                .isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- D58 retention settings

    @Test
    void retentionSettingsAreStoredWithAThirtyDayGraceAndTurnOffByOmission() {
        Account a = account(chime, "Retention");
        var none = chime.getRetentionSettings(b -> b.accountId(a.accountId()));
        assertThat(none.retentionSettings().roomRetentionSettings().retentionDays())
                .isNull();
        assertThat(none.initiateDeletionTimestamp()).isNull();

        Instant before = Instant.now().minusMillis(1);
        chime.putRetentionSettings(b -> b.accountId(a.accountId())
                .retentionSettings(r -> r.roomRetentionSettings(s -> s.retentionDays(30))
                        .conversationRetentionSettings(s -> s.retentionDays(5475))));
        Instant after = Instant.now().plusMillis(1);
        var set = chime.getRetentionSettings(b -> b.accountId(a.accountId()));
        assertThat(set.retentionSettings().roomRetentionSettings().retentionDays())
                .isEqualTo(30);
        assertThat(set.retentionSettings().conversationRetentionSettings().retentionDays())
                .isEqualTo(5475);
        assertThat(set.initiateDeletionTimestamp())
                .isBetween(before.plus(Duration.ofDays(30)), after.plus(Duration.ofDays(30)));

        chime.putRetentionSettings(b -> b.accountId(a.accountId())
                .retentionSettings(r -> r.conversationRetentionSettings(s -> s.retentionDays(1))));
        var roomOff = chime.getRetentionSettings(b -> b.accountId(a.accountId()));
        assertThat(roomOff.retentionSettings().roomRetentionSettings().retentionDays())
                .isNull();
        assertThat(roomOff.retentionSettings().conversationRetentionSettings().retentionDays())
                .isEqualTo(1);

        chime.putRetentionSettings(b -> b.accountId(a.accountId()).retentionSettings(r -> {}));
        assertThat(chime.getRetentionSettings(b -> b.accountId(a.accountId())).initiateDeletionTimestamp())
                .isNull();

        for (int bad : new int[] {0, 5476}) {
            assertThatThrownBy(() -> chime.putRetentionSettings(b -> b.accountId(a.accountId())
                            .retentionSettings(r -> r.roomRetentionSettings(s -> s.retentionDays(bad)))))
                    .isInstanceOf(BadRequestException.class);
        }
        Account t = account(teamClient, "Team retention");
        assertThatThrownBy(() -> teamClient.getRetentionSettings(b -> b.accountId(t.accountId())))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("not an Enterprise Chime Account");
    }

    // ---------------------------------------------------------------- D59 BatchUpdateUser

    @Test
    void batchUpdateUserReportsEachFailedItemAndAppliesTheRest() {
        Account a = account(chime, "Batch update");
        User u1 = user(chime, a.accountId(), "bu1-" + System.nanoTime());
        User u2 = user(chime, a.accountId(), "bu2-" + System.nanoTime());
        List<UserError> errors = chime.batchUpdateUser(b -> b.accountId(a.accountId())
                        .updateUserRequestItems(
                                item(u1.userId(), License.BASIC),
                                item("no-such-user", License.PRO),
                                item(u2.userId(), License.PLUS)))
                .userErrors();
        assertThat(errors)
                .extracting(UserError::userId, e -> e.errorCode().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("no-such-user", "NotFound"),
                        org.assertj.core.groups.Tuple.tuple(u2.userId(), "BadRequest"));
        assertThat(errors.get(1).errorMessage()).contains("SupportedLicenses");
        assertThat(chime.getUser(b -> b.accountId(a.accountId()).userId(u1.userId()))
                        .user()
                        .licenseType())
                .isEqualTo(License.BASIC);
        assertThat(chime.getUser(b -> b.accountId(a.accountId()).userId(u2.userId()))
                        .user()
                        .licenseType())
                .isEqualTo(License.PRO);

        List<UpdateUserRequestItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(item(u1.userId(), License.PRO));
        }
        assertThatThrownBy(() ->
                        chime.batchUpdateUser(b -> b.accountId(a.accountId()).updateUserRequestItems(tooMany)))
                .isInstanceOf(BadRequestException.class);
        // UpdateUser follows the same rule (D59)
        assertThatThrownBy(() -> chime.updateUser(
                        b -> b.accountId(a.accountId()).userId(u1.userId()).licenseType(License.PLUS)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("SupportedLicenses");
    }

    private static UpdateUserRequestItem item(String userId, License license) {
        return UpdateUserRequestItem.builder()
                .userId(userId)
                .licenseType(license)
                .build();
    }

    // ---------------------------------------------------------------- restarts

    @Test
    void everySettingSurvivesARestart() throws Exception {
        StoreConfig store = Databases.forSuite();
        String accountId;
        String userId;
        String pin;
        try (RunningServer s = RunningServer.enterprise(store)) {
            ChimeClient c = s.client();
            accountId = account(c, "Durable").accountId();
            userId = user(c, accountId, "durable-" + System.nanoTime()).userId();
            c.updateAccountSettings(b -> b.accountId(accountId).accountSettings(x -> x.enableDialOut(true)));
            c.associateSigninDelegateGroupsWithAccount(
                    b -> b.accountId(accountId).signinDelegateGroups(group("kept")));
            c.updateGlobalSettings(b -> b.voiceConnector(x -> x.cdrBucket("kept-bucket")));
            c.updateUserSettings(b -> b.accountId(accountId)
                    .userId(userId)
                    .userSettings(x -> x.telephony(
                            t -> t.inboundCalling(false).outboundCalling(false).sms(true))));
            c.putRetentionSettings(b ->
                    b.accountId(accountId).retentionSettings(r -> r.roomRetentionSettings(x -> x.retentionDays(90))));
            pin = c.resetPersonalPIN(b -> b.accountId(accountId).userId(userId))
                    .user()
                    .personalPIN();
        }
        try (RunningServer s = RunningServer.enterprise(store)) {
            ChimeClient c = s.client();
            assertThat(c.getAccountSettings(b -> b.accountId(accountId))
                            .accountSettings()
                            .enableDialOut())
                    .isTrue();
            assertThat(groups(c.getAccount(b -> b.accountId(accountId)).account()))
                    .containsExactly("kept");
            assertThat(c.getGlobalSettings(b -> {}).voiceConnector().cdrBucket())
                    .isEqualTo("kept-bucket");
            assertThat(c.getUserSettings(b -> b.accountId(accountId).userId(userId))
                            .userSettings()
                            .telephony()
                            .sms())
                    .isTrue();
            assertThat(c.getRetentionSettings(b -> b.accountId(accountId))
                            .retentionSettings()
                            .roomRetentionSettings()
                            .retentionDays())
                    .isEqualTo(90);
            assertThat(c.getUser(b -> b.accountId(accountId).userId(userId))
                            .user()
                            .personalPIN())
                    .isEqualTo(pin);
        }
    }
}
