package dev.belfry.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.belfry.rooms.Enums.EmailStatus;
import dev.belfry.rooms.InvitationMailer.Invitation;
import dev.belfry.server.mail.SmtpSettings.Security;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --smtp-url as an operator writes it (D54), and SmtpMailer against GreenMail, a real SMTP server in this JVM. */
class SmtpSettingsTest {
    static final String FROM = "belfry@example.com";

    @Test
    void plainUrlsTakeStarttlsWhenOfferedAndCredentialsRequireIt() {
        SmtpSettings plain = SmtpSettings.parse("smtp://mail.example", FROM, null);
        assertThat(plain.port()).isEqualTo(25);
        assertThat(plain.security()).isEqualTo(Security.STARTTLS_OPPORTUNISTIC);
        assertThat(plain.user()).isNull();
        assertThat(plain.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);

        SmtpSettings login = SmtpSettings.parse("smtp://me%40example.com:p%3Ass@mail.example:587", FROM, null);
        assertThat(login.user()).isEqualTo("me@example.com");
        assertThat(login.password()).isEqualTo("p:ss");
        assertThat(login.port()).isEqualTo(587);
        assertThat(login.security()).isEqualTo(Security.STARTTLS_REQUIRED);
        assertThat(login.toString()).doesNotContain("p:ss").contains("me@example.com@mail.example:587");

        assertThat(SmtpSettings.parse("smtp://u@h?starttls=off&timeout=3", FROM, "from-file"))
                .satisfies(s -> {
                    assertThat(s.security()).isEqualTo(Security.NONE);
                    assertThat(s.password()).isEqualTo("from-file");
                    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(3));
                });
        SmtpSettings tls = SmtpSettings.parse("smtps://h", FROM, null);
        assertThat(tls.port()).isEqualTo(465);
        assertThat(tls.security()).isEqualTo(Security.TLS);
    }

    @Test
    void badSettingsNameTheProblem() {
        assertThatThrownBy(() -> SmtpSettings.parse("http://h", FROM, null)).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://:25", FROM, null)).hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://h", null, null)).hasMessageContaining("--smtp-from");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://h", "not an address", null))
                .hasMessageContaining("--smtp-from");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://h?tls=yes", FROM, null))
                .hasMessageContaining("unknown parameter tls");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://h?starttls=maybe", FROM, null))
                .hasMessageContaining("required, opportunistic or off");
        assertThatThrownBy(() -> SmtpSettings.parse("smtps://h?starttls=off", FROM, null))
                .hasMessageContaining("smtps");
        assertThatThrownBy(() -> SmtpSettings.parse("smtp://u:secret@h?timeout=0", FROM, null))
                .hasMessageNotContaining("secret");
    }

    @Test
    void mailsGoOutAndARefusedLoginIsFailed() throws Exception {
        GreenMail open = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        GreenMail guarded = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        guarded.getUserManager().setAuthRequired(true);
        guarded.setUser(FROM, "belfry", "right");
        open.start();
        guarded.start();
        try {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
            List<Invitation> two = List.of(
                    new Invitation("a@example.com", "Acme", "acct-1", "inv-1"),
                    new Invitation("b@example.com", "Acme", "acct-1", "inv-2"));

            SmtpMailer mailer = new SmtpMailer(
                    SmtpSettings.parse("smtp://127.0.0.1:" + open.getSmtp().getPort() + "?starttls=off", FROM, null),
                    err);
            assertThat(mailer.send(two)).containsExactly(EmailStatus.Sent, EmailStatus.Sent);
            assertThat(open.getReceivedMessages()).hasSize(2);
            assertThat(open.getReceivedMessages()[0].getSubject()).isEqualTo("You are invited to Acme on Amazon Chime");

            // a sender with a display name: the header keeps it, the envelope (MAIL FROM) has the bare address
            SmtpMailer right = new SmtpMailer(
                    SmtpSettings.parse(
                            "smtp://belfry:right@127.0.0.1:" + guarded.getSmtp().getPort() + "?starttls=off",
                            "Invitations <" + FROM + ">",
                            null),
                    err);
            assertThat(right.send(two.subList(0, 1))).containsExactly(EmailStatus.Sent);

            SmtpMailer wrong = new SmtpMailer(
                    SmtpSettings.parse(
                            "smtp://belfry:s3cr3t-pw@127.0.0.1:"
                                    + guarded.getSmtp().getPort() + "?starttls=off",
                            FROM,
                            null),
                    err);
            assertThat(wrong.send(two)).containsExactly(EmailStatus.Failed, EmailStatus.Failed);
            assertThat(errors.toString(StandardCharsets.UTF_8))
                    .contains("could not send invitations")
                    .doesNotContain("s3cr3t-pw");

            // the server requires STARTTLS by default with credentials, and GreenMail's plain port offers none
            SmtpMailer noTls = new SmtpMailer(
                    SmtpSettings.parse(
                            "smtp://belfry:right@127.0.0.1:" + guarded.getSmtp().getPort(), FROM, null),
                    err);
            assertThat(noTls.send(two.subList(0, 1))).containsExactly(EmailStatus.Failed);

            SmtpMailer nobody = new SmtpMailer(SmtpSettings.parse("smtp://127.0.0.1:1?timeout=2", FROM, null), err);
            assertThat(nobody.send(two.subList(0, 1))).containsExactly(EmailStatus.Failed);
        } finally {
            open.stop();
            guarded.stop();
        }
    }
}
