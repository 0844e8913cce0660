package dev.belfry.server.mail;

import dev.belfry.rooms.Enums.EmailStatus;
import dev.belfry.rooms.InvitationMailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * InviteUsers' mail through a real SMTP server (D54), with Jakarta Mail (Eclipse Angus). One connection per
 * InviteUsers call, one message per address: a mail the server accepted is Sent, one it refused (or a call whose
 * connection or login failed) is Failed. Failures are reported on the error stream without the password.
 */
public final class SmtpMailer implements InvitationMailer {
    private final SmtpSettings settings;
    private final PrintStream errors;

    public SmtpMailer(SmtpSettings settings, PrintStream errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    public List<EmailStatus> send(List<Invitation> invitations) {
        List<EmailStatus> out = new ArrayList<>();
        Session session = Session.getInstance(properties());
        String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            for (Invitation invitation : invitations) {
                try {
                    MimeMessage message = message(session, invitation);
                    transport.sendMessage(message, message.getAllRecipients());
                    out.add(EmailStatus.Sent);
                } catch (MessagingException e) {
                    report("the mail server refused the invitation " + invitation.inviteId(), e);
                    out.add(EmailStatus.Failed);
                }
            }
        } catch (MessagingException e) {
            report("could not send invitations through " + settings.describe(), e);
        }
        while (out.size() < invitations.size()) {
            out.add(EmailStatus.Failed);
        }
        return out;
    }

    private MimeMessage message(Session session, Invitation invitation) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from(), true));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(invitation.emailAddress(), true));
        m.setSubject("You are invited to " + invitation.accountName() + " on Amazon Chime", "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("X-Belfry-Invite-Id", invitation.inviteId());
        m.setText(
                "You have been invited to join the Amazon Chime account \"" + invitation.accountName() + "\".\n\n"
                        + "Account id: " + invitation.accountId() + "\n"
                        + "Invitation id: " + invitation.inviteId() + "\n\n"
                        + "This invitation was sent by a Belfry server, which serves the Amazon Chime API for"
                        + " development and testing.\n",
                StandardCharsets.UTF_8.name());
        return m;
    }

    private Properties properties() {
        String p = settings.security() == SmtpSettings.Security.TLS ? "mail.smtps." : "mail.smtp.";
        long millis = settings.timeout().toMillis();
        Properties props = new Properties();
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "connectiontimeout", Long.toString(millis));
        props.put(p + "timeout", Long.toString(millis));
        props.put(p + "writetimeout", Long.toString(millis));
        props.put(p + "auth", Boolean.toString(settings.user() != null));
        props.put(p + "ssl.checkserveridentity", "true");
        // the envelope sender (MAIL FROM) is the bare address: "Name <a@b>" there is refused by servers
        props.put(p + "from", envelopeSender());
        switch (settings.security()) {
            case STARTTLS_REQUIRED -> {
                props.put(p + "starttls.enable", "true");
                props.put(p + "starttls.required", "true");
            }
            case STARTTLS_OPPORTUNISTIC -> props.put(p + "starttls.enable", "true");
            default -> {}
        }
        return props;
    }

    private String envelopeSender() {
        try {
            return new InternetAddress(settings.from(), true).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            return settings.from(); // SmtpSettings.parse has checked it
        }
    }

    private void report(String what, MessagingException e) {
        errors.println("belfry: InviteUsers: " + what + ": " + e.getMessage());
    }
}
