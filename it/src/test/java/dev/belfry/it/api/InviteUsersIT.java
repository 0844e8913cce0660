package dev.belfry.it.api;

import static dev.belfry.it.api.Api.account;
import static dev.belfry.it.api.Api.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.mail.SmtpSettings;
import dev.belfry.store.StoreConfig;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.Account;
import software.amazon.awssdk.services.chime.model.BadRequestException;
import software.amazon.awssdk.services.chime.model.EmailStatus;
import software.amazon.awssdk.services.chime.model.Invite;
import software.amazon.awssdk.services.chime.model.InviteStatus;
import software.amazon.awssdk.services.chime.model.License;
import software.amazon.awssdk.services.chime.model.RegistrationStatus;
import software.amazon.awssdk.services.chime.model.User;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * InviteUsers (D54) through the AWS SDK for Java v2, on SQLite and (BELFRY_IT_DB=postgres) PostgreSQL, with real SMTP
 * servers in this JVM (GreenMail): one that takes every mail, one that requires a login Belfry gets wrong; and a
 * server with no mail configured. Also CreateUser's refusal on Team accounts, which points at InviteUsers.
 */
class InviteUsersIT {
    static final String FROM = "belfry@example.com";
    static GreenMail smtp;
    static GreenMail guardedSmtp;
    static RunningServer team;
    static RunningServer teamNoMail;
    static RunningServer teamBadLogin;
    static RunningServer lwa;
    static ChimeClient teamClient;
    static ChimeClient chime;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        guardedSmtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        guardedSmtp.getUserManager().setAuthRequired(true);
        guardedSmtp.setUser("belfry@example.com", "belfry", "right-password");
        guardedSmtp.start();
        team = RunningServer.start(teamSettings(Databases.forSuite(), smtpUrl(smtp, "")));
        teamBadLogin =
                RunningServer.start(teamSettings(Databases.forSuite(), smtpUrl(guardedSmtp, "belfry:wrong-password@")));
        teamNoMail = RunningServer.start(Databases.forSuite());
        lwa = Api.enterprise();
        teamClient = team.client();
        chime = lwa.client();
    }

    static String smtpUrl(GreenMail server, String userInfo) {
        // GreenMail's plain SMTP offers no STARTTLS: the test says so explicitly, as an operator would have to
        return "smtp://" + userInfo + "127.0.0.1:" + server.getSmtp().getPort() + "?starttls=off";
    }

    static ServerSettings teamSettings(StoreConfig store, String url) {
        return ServerSettings.defaults(store).withPort(0).withSmtp(SmtpSettings.parse(url, FROM, null));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : List.of(team, teamBadLogin, teamNoMail, lwa)) {
            c.close();
        }
        smtp.stop();
        guardedSmtp.stop();
    }

    // ---------------------------------------------------------------- D54 InviteUsers

    @Test
    void inviteUsersMailsThroughTheConfiguredSmtpServerAndCreatesPendingUsers() throws Exception {
        Account t = account(teamClient, "Invites");
        String email = "invitee-" + System.nanoTime() + "@example.com";
        List<Invite> invites = teamClient
                .inviteUsers(b -> b.accountId(t.accountId()).userEmailList(email, email.toUpperCase()))
                .invites();
        assertThat(invites).singleElement().satisfies(i -> {
            assertThat(i.inviteId()).matches(Api.UUID);
            assertThat(i.status()).isEqualTo(InviteStatus.PENDING);
            assertThat(i.emailAddress()).isEqualTo(email);
            assertThat(i.emailStatus()).isEqualTo(EmailStatus.SENT);
        });
        MimeMessage mail = received(email);
        assertThat(mail.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(mail.getSubject()).contains("Invites");
        assertThat(mail.getHeader("X-Belfry-Invite-Id")[0])
                .isEqualTo(invites.get(0).inviteId());

        User invited = teamClient
                .listUsers(b -> b.accountId(t.accountId()).userEmail(email))
                .users()
                .get(0);
        assertThat(invited.userInvitationStatus()).isEqualTo(InviteStatus.PENDING);
        assertThat(invited.userRegistrationStatus()).isEqualTo(RegistrationStatus.UNREGISTERED);
        assertThat(invited.invitedOn()).isNotNull();
        assertThat(invited.licenseType()).isEqualTo(License.PRO);

        // again: the same user, invited anew, with the type asked for
        Invite again = teamClient
                .inviteUsers(
                        b -> b.accountId(t.accountId()).userEmailList(email).userType(UserType.SHARED_DEVICE))
                .invites()
                .get(0);
        assertThat(again.inviteId()).isNotEqualTo(invites.get(0).inviteId());
        List<User> users = teamClient.listUsers(b -> b.accountId(t.accountId())).users();
        assertThat(users).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo(invited.userId());
            assertThat(u.userType()).isEqualTo(UserType.SHARED_DEVICE);
        });
    }

    @Test
    void inviteUsersSaysNotSentWithoutAMailServerAndFailedWhenTheServerRefuses() {
        ChimeClient noMail = teamNoMail.client();
        Account t = account(noMail, "No mail");
        Invite notSent = noMail.inviteUsers(b -> b.accountId(t.accountId()).userEmailList("nomail@example.com"))
                .invites()
                .get(0);
        assertThat(notSent.emailStatus()).isEqualTo(EmailStatus.NOT_SENT);
        assertThat(notSent.status()).isEqualTo(InviteStatus.PENDING);

        ChimeClient refused = teamBadLogin.client();
        Account r = account(refused, "Refused");
        Invite failed = refused.inviteUsers(b -> b.accountId(r.accountId()).userEmailList("refused@example.com"))
                .invites()
                .get(0);
        assertThat(failed.emailStatus()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.status()).isEqualTo(InviteStatus.FAILED);
        assertThat(refused.listUsers(b -> b.accountId(r.accountId())).users())
                .singleElement()
                .satisfies(u -> assertThat(u.userInvitationStatus()).isEqualTo(InviteStatus.FAILED));
        assertThat(guardedSmtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void inviteUsersIsForTeamAccountsAndAnAddressBelongsToOneAccount() {
        Account e = account(chime, "Enterprise invites");
        assertThatThrownBy(
                        () -> chime.inviteUsers(b -> b.accountId(e.accountId()).userEmailList("x@example.com")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("CreateUser");

        Account first = account(teamClient, "First");
        Account second = account(teamClient, "Second");
        String email = "taken-" + System.nanoTime() + "@example.com";
        teamClient.inviteUsers(b -> b.accountId(first.accountId()).userEmailList(email));
        Invite elsewhere = teamClient
                .inviteUsers(b -> b.accountId(second.accountId()).userEmailList(email))
                .invites()
                .get(0);
        assertThat(elsewhere.status()).isEqualTo(InviteStatus.FAILED);
        assertThat(elsewhere.emailStatus()).isEqualTo(EmailStatus.NOT_SENT);
        assertThat(teamClient.listUsers(b -> b.accountId(second.accountId())).users())
                .isEmpty();

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("u" + i + "@example.com");
        }
        assertThatThrownBy(() -> teamClient.inviteUsers(
                        b -> b.accountId(first.accountId()).userEmailList(tooMany)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> teamClient.inviteUsers(
                        b -> b.accountId(first.accountId()).userEmailList("no-at")))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void createUserOnATeamAccountSaysHowToGetTheUserIn() {
        Account t = account(teamClient, "Team create");
        assertThatThrownBy(() -> user(teamClient, t.accountId(), "nobody"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("InviteUsers")
                .hasMessageContaining("belfry admin create-account")
                .hasMessageContaining("--create-account-type");
    }

    private static MimeMessage received(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no mail for " + email);
    }
}
