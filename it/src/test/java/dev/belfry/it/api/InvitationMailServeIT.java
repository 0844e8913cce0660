package dev.belfry.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.EmailStatus;
import software.amazon.awssdk.services.chime.model.Invite;

/**
 * `belfry serve --smtp-url … --smtp-from … --smtp-password-file …` as an operator runs it: the released jar in its
 * own process logs in to GreenMail (a real SMTP server in this JVM) and mails InviteUsers' invitations (D54); a
 * mail setting without its companion stops the start with exit code 2 and a line naming it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InvitationMailServeIT {
    @Test
    void theJarMailsInvitationsWithThePasswordFromItsFile() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.getUserManager().setAuthRequired(true);
        smtp.setUser("invitations@example.com", "belfry", "p@ss:word");
        smtp.start();
        Path passwordFile = Files.createTempFile("smtp-password", "");
        Files.writeString(passwordFile, "p@ss:word\n");
        Path data = Databases.tempDir("belfry-mail");
        try (ServerProcess server = ServerProcess.start(
                        List.of(
                                "--data",
                                data.toString(),
                                "--smtp-url",
                                "smtp://belfry@127.0.0.1:" + smtp.getSmtp().getPort() + "?starttls=off",
                                "--smtp-from",
                                "Invitations <invitations@example.com>",
                                "--smtp-password-file",
                                passwordFile.toString()),
                        Map.of());
                ChimeClient chime = ChimeClient.builder()
                        .endpointOverride(URI.create(server.url()))
                        .region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build()) {
            String team = chime.createAccount(b -> b.name("Mailed")).account().accountId();
            Invite invite = chime.inviteUsers(b -> b.accountId(team).userEmailList("new@example.com"))
                    .invites()
                    .get(0);
            assertThat(invite.emailStatus()).as(server.output()).isEqualTo(EmailStatus.SENT);
            assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> {
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("new@example.com");
                assertThat(m.getFrom()[0].toString()).isEqualTo("Invitations <invitations@example.com>");
            });
            assertThat(server.output()).doesNotContain("p@ss:word");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aMailSettingWithoutItsCompanionStopsTheStart() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(
                        java,
                        "-jar",
                        ServerProcess.jar().toString(),
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        Databases.tempDir("belfry-mail-bad").toString(),
                        "--smtp-url",
                        "smtp://mail.example:587")
                .redirectErrorStream(true)
                .start();
        String out = ServerProcess.readAll(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("--smtp-url needs --smtp-from");
    }
}
