package dev.belfry.it.api;

import static dev.belfry.it.api.Api.account;
import static dev.belfry.it.api.Api.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums;
import dev.belfry.rooms.RoomStore;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Account;
import software.amazon.awssdk.services.chime.model.AccountStatus;
import software.amazon.awssdk.services.chime.model.AccountType;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.ForbiddenException;
import software.amazon.awssdk.services.chime.model.License;
import software.amazon.awssdk.services.chime.model.NotFoundException;
import software.amazon.awssdk.services.chime.model.UnprocessableEntityException;
import software.amazon.awssdk.services.chime.model.User;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * Accounts and users through the AWS SDK for Java v2: Create/Get/List/Update/DeleteAccount, Create/Get/List/
 * UpdateUser, BatchSuspend/UnsuspendUser; D2 (Team by default), D3 (suspended account), D4 (delete with users).
 */
class AccountsAndUsersIT {
    static StoreConfig teamStore;
    static RunningServer team;
    static RunningServer lwa;
    static ChimeClient teamClient;
    static ChimeClient chime;

    @BeforeAll
    static void start() throws Exception {
        teamStore = Databases.forSuite();
        team = RunningServer.start(teamStore);
        lwa = Api.enterprise();
        teamClient = team.client();
        chime = lwa.client();
    }

    @AfterAll
    static void stop() throws Exception {
        team.close();
        lwa.close();
    }

    @Test
    void createAccountMakesTeamByDefaultAndTheConfiguredTypeOtherwise() {
        Account t = account(teamClient, "Team one");
        assertThat(t.accountType()).isEqualTo(AccountType.TEAM);
        assertThat(t.awsAccountId()).isEqualTo(Api.TENANT);
        assertThat(t.accountId()).matches(Api.UUID);
        assertThat(t.defaultLicense()).isEqualTo(License.PRO);
        assertThat(t.supportedLicenses()).containsExactlyInAnyOrder(License.BASIC, License.PRO);
        assertThat(t.accountStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(t.createdTimestamp()).isNotNull();
        assertThat(account(chime, "Lwa").accountType()).isEqualTo(AccountType.ENTERPRISE_LWA);
    }

    @Test
    void getListUpdateAccount() {
        Account a = account(chime, "Acme prefix-" + System.nanoTime());
        assertThat(chime.getAccount(b -> b.accountId(a.accountId())).account()).isEqualTo(a);
        assertThat(chime.listAccounts(b -> b.name("Acme prefix-")).accounts())
                .extracting(Account::accountId)
                .contains(a.accountId());
        assertThat(chime.listAccounts(b -> b.name("No such prefix")).accounts()).isEmpty();

        Account renamed = chime.updateAccount(
                        b -> b.accountId(a.accountId()).name("Renamed").defaultLicense(License.BASIC))
                .account();
        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(renamed.defaultLicense()).isEqualTo(License.BASIC);
        assertThat(chime.getAccount(b -> b.accountId(a.accountId())).account().name())
                .isEqualTo("Renamed");
        // nothing supplied: nothing changes
        assertThat(chime.updateAccount(b -> b.accountId(a.accountId()))
                        .account()
                        .name())
                .isEqualTo("Renamed");

        assertThatThrownBy(() -> chime.getAccount(b -> b.accountId("6c3c3d1e-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listAccountsPagesAndFiltersByUserEmail() {
        String prefix = "Paged-" + System.nanoTime() + "-";
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(account(chime, prefix + i).accountId());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var page = chime.listAccounts(b -> b.name(prefix).maxResults(2).nextToken(t));
            assertThat(page.accounts()).hasSizeLessThanOrEqualTo(2);
            page.accounts().forEach(a -> seen.add(a.accountId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
        assertThat(pages).isEqualTo(3);
        // the SDK's own paginator works too
        assertThat(chime.listAccountsPaginator(b -> b.name(prefix).maxResults(2)).stream()
                        .flatMap(p -> p.accounts().stream())
                        .count())
                .isEqualTo(5);

        User u = user(chime, made.get(3), "owner" + System.nanoTime());
        assertThat(chime.listAccounts(b -> b.userEmail(u.primaryEmail())).accounts())
                .extracting(Account::accountId)
                .containsExactly(made.get(3));
    }

    @Test
    void usersCreateGetListUpdate() {
        String acct = account(chime, "Users").accountId();
        User alice = user(chime, acct, "alice");
        assertThat(alice.userId()).matches(Api.UUID);
        assertThat(alice.accountId()).isEqualTo(acct);
        assertThat(alice.primaryEmail()).isEqualTo("alice@example.com");
        User bob = chime.createUser(b -> b.accountId(acct)
                        .username("bob")
                        .email("bob@example.com")
                        .userType(UserType.SHARED_DEVICE))
                .user();
        assertThat(bob.userType()).isEqualTo(UserType.SHARED_DEVICE);

        assertThat(chime.getUser(b -> b.accountId(acct).userId(alice.userId()))
                        .user()
                        .primaryEmail())
                .isEqualTo("alice@example.com");
        assertThat(chime.listUsers(b -> b.accountId(acct)).users())
                .extracting(User::userId)
                .containsExactlyInAnyOrder(alice.userId(), bob.userId());
        assertThat(chime.listUsers(b -> b.accountId(acct).userEmail("bob@example.com"))
                        .users())
                .extracting(User::userId)
                .containsExactly(bob.userId());
        assertThat(chime.listUsers(b -> b.accountId(acct).userType(UserType.SHARED_DEVICE))
                        .users())
                .extracting(User::userId)
                .containsExactly(bob.userId());
        assertThat(chime.listUsersPaginator(b -> b.accountId(acct).maxResults(1)).stream()
                        .flatMap(p -> p.users().stream())
                        .count())
                .isEqualTo(2);

        User updated = chime.updateUser(
                        b -> b.accountId(acct).userId(alice.userId()).licenseType(License.BASIC))
                .user();
        assertThat(updated.licenseType()).isEqualTo(License.BASIC);
        assertThat(chime.getUser(b -> b.accountId(acct).userId(alice.userId()))
                        .user()
                        .licenseType())
                .isEqualTo(License.BASIC);

        assertThatThrownBy(() -> chime.getUser(b -> b.accountId(acct).userId("0e6fd4c1-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void batchSuspendAndUnsuspend() {
        String acct = account(chime, "Suspensions").accountId();
        User u = user(chime, acct, "sus");
        String unknown = "0e6fd4c1-0000-4000-8000-000000000001";
        var errors = chime.batchSuspendUser(b -> b.accountId(acct).userIdList(u.userId(), unknown))
                .userErrors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo(unknown);
            assertThat(e.errorCodeAsString()).isEqualTo("NotFound");
        });
        assertThat(chime.getUser(b -> b.accountId(acct).userId(u.userId()))
                        .user()
                        .userRegistrationStatusAsString())
                .isEqualTo("Suspended");
        assertThat(chime.batchUnsuspendUser(b -> b.accountId(acct).userIdList(u.userId()))
                        .userErrors())
                .isEmpty();
        assertThat(chime.getUser(b -> b.accountId(acct).userId(u.userId()))
                        .user()
                        .userRegistrationStatusAsString())
                .isEqualTo("Registered");
    }

    @Test
    void suspendedAccountAnswersReadsButForbidsEverythingElse() {
        String acct = account(chime, "Frozen").accountId();
        User u = user(chime, acct, "frozen");
        String room = Api.room(chime, acct, "r").roomId();
        Api.suspendAccount(lwa, acct);

        assertThat(chime.getAccount(b -> b.accountId(acct)).account().accountStatus())
                .isEqualTo(AccountStatus.SUSPENDED);
        assertThat(chime.listAccounts(b -> b.name("Frozen")).accounts())
                .extracting(Account::accountId)
                .contains(acct);
        assertThatThrownBy(() -> chime.updateAccount(b -> b.accountId(acct).name("x")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chime.listUsers(b -> b.accountId(acct))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chime.getUser(b -> b.accountId(acct).userId(u.userId())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> user(chime, acct, "late")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Api.room(chime, acct, "r2")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chime.getRoom(b -> b.accountId(acct).roomId(room)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chime.batchCreateRoomMembership(
                        b -> b.accountId(acct).roomId(room).membershipItemList(Api.item(u.userId(), "Member"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Api.bot(chime, acct, "b")).isInstanceOf(ForbiddenException.class);
        // DeleteAccount still works (D3)
        chime.deleteAccount(b -> b.accountId(acct));
        assertThatThrownBy(() -> chime.getAccount(b -> b.accountId(acct))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteTeamAccountWithActiveUsersIs422ThenDeletedIs404() throws Exception {
        String acct = account(teamClient, "Delete me").accountId();
        // Team users join by invitation and CreateUser refuses Team accounts; InviteUsers (D54) leaves users
        // Unregistered, so the test seeds an invited, registered user straight into the database, as an accepted
        // invitation would have left it.
        assertThatThrownBy(() -> user(teamClient, acct, "refused")).isInstanceOf(BadRequestException.class);
        User u = seedTeamUser(acct, "active");
        assertThatThrownBy(() -> teamClient.deleteAccount(b -> b.accountId(acct)))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("suspend");
                });
        assertThat(teamClient.getAccount(b -> b.accountId(acct)).account().accountId())
                .isEqualTo(acct);

        assertThat(teamClient
                        .batchSuspendUser(b -> b.accountId(acct).userIdList(u.userId()))
                        .userErrors())
                .isEmpty();
        teamClient.deleteAccount(b -> b.accountId(acct));
        assertThatThrownBy(() -> teamClient.getAccount(b -> b.accountId(acct)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> teamClient.deleteAccount(b -> b.accountId(acct)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teamClient.listUsers(b -> b.accountId(acct))).isInstanceOf(NotFoundException.class);
    }

    private static User seedTeamUser(String accountId, String name) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        // the running server holds its data directory (D37): a second store reaches the same file by its JDBC URL
        StoreConfig sameDatabase = teamStore.dataDir() != null ? StoreConfig.jdbc(teamStore.resolvedUrl()) : teamStore;
        try (RoomStore store = Stores.open(sameDatabase)) {
            Instant now = Instant.now();
            store.write(tx -> {
                tx.insertUser(new dev.belfry.rooms.User(
                        id,
                        accountId,
                        name + "@example.com",
                        name,
                        Enums.License.Pro,
                        Enums.UserType.PrivateUser,
                        Enums.RegistrationStatus.Registered,
                        Enums.InviteStatus.Accepted,
                        now,
                        now,
                        now));
                return null;
            });
        }
        User u = teamClient.getUser(b -> b.accountId(accountId).userId(id)).user();
        assertThat(u.userRegistrationStatusAsString()).isEqualTo("Registered");
        return u;
    }
}
