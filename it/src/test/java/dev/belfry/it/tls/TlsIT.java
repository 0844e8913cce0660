package dev.belfry.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.RunningServer;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.tls.TlsSettings;
import dev.belfry.testsupport.RequiredTools;
import dev.belfry.testsupport.TestCertificates;
import dev.belfry.testsupport.TestCertificates.Issued;
import dev.belfry.testsupport.TestCertificates.KeyForm;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chime.ChimeClient;

/**
 * HTTPS with a certificate the test makes (a CA and a server certificate for 127.0.0.1 signed by it, sent with its
 * chain): the AWS SDK for Java v2, boto3 ({@code verify=}) and the AWS CLI v2 ({@code --ca-bundle}) trust the CA and
 * call the server; then the files are replaced as a renewer does and the next connection sees the new certificate.
 */
class TlsIT {
    @Test
    void stockClientsCallOverHttpsAndARenewedCertificateIsServedWithoutARestart() throws Exception {
        TestCertificates ca = TestCertificates.newCa();
        Issued first = ca.issue("belfry first", KeyForm.PKCS1_RSA);
        Path dir = Files.createTempDirectory("belfry-tls-live");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Files.copy(first.chain(), cert);
        Files.copy(first.key(), key);
        ServerSettings settings = ServerSettings.defaults(Databases.freshSqlite())
                .withCreateAccountType(AccountType.EnterpriseLWA)
                .withTls(new TlsSettings(cert, key, 0))
                .withPort(ServerSettings.NO_PORT);
        try (RunningServer server = RunningServer.start(settings)) {
            String url = server.url();
            assertThat(url).startsWith("https://127.0.0.1:");
            assertThat(server.server().urls()).as("plain HTTP is off").containsExactly(url);
            int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));

            try (ChimeClient sdk = sdk(url, first.ca())) {
                String account =
                        sdk.createAccount(b -> b.name("over https")).account().accountId();
                assertThat(sdk.getAccount(b -> b.accountId(account)).account().name())
                        .isEqualTo("over https");
            }

            String python = RequiredTools.python3WithBoto3();
            Run boto3 = run(
                    List.of(
                            python,
                            "-c",
                            "import boto3,sys; c=boto3.client('chime', endpoint_url=sys.argv[1], region_name='us-east-1',"
                                    + " aws_access_key_id='test', aws_secret_access_key='test', verify=sys.argv[2]);"
                                    + " print(','.join(a['Name'] for a in c.list_accounts()['Accounts']))",
                            url,
                            first.ca().toString()),
                    Map.of());
            assertThat(boto3.out().strip()).as(boto3.err()).isEqualTo("over https");

            Path aws = RequiredTools.awsCliV2();
            Run cli = run(
                    List.of(
                            aws.toString(),
                            "--ca-bundle",
                            first.ca().toString(),
                            "--endpoint-url",
                            url,
                            "chime",
                            "list-accounts",
                            "--query",
                            "Accounts[].Name",
                            "--output",
                            "text"),
                    Map.of());
            assertThat(cli.out().strip()).as(cli.err()).isEqualTo("over https");
            Run untrusted = run(List.of(aws.toString(), "--endpoint-url", url, "chime", "list-accounts"), Map.of());
            assertThat(untrusted.exit())
                    .as("without the CA the CLI refuses the certificate")
                    .isNotZero();

            assertThat(servedSerial(port, first.ca())).isEqualTo(serial(first.leaf()));

            // a renewal: new files renamed over the old ones, the key first (for a moment the pair does not match)
            Issued renewed = ca.issue("belfry renewed", KeyForm.SEC1_EC);
            replace(renewed.key(), key);
            replace(renewed.chain(), cert);
            BigInteger expected = serial(renewed.leaf());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            BigInteger served = servedSerial(port, first.ca());
            while (!served.equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                served = servedSerial(port, first.ca());
            }
            assertThat(served).as("the certificate a new connection gets").isEqualTo(expected);
            try (ChimeClient sdk = sdk(url, renewed.ca())) {
                assertThat(sdk.listAccounts().accounts()).hasSize(1);
            }
        }
    }

    private static void replace(Path from, Path to) throws Exception {
        Path temp = to.resolveSibling(to.getFileName() + ".new");
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static TrustManager[] trusting(Path ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static ChimeClient sdk(String url, Path ca) throws Exception {
        TrustManager[] trust = trusting(ca);
        return ChimeClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(() -> trust)
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** The serial of the certificate a new TLS connection is given (verified against the CA). */
    private static BigInteger servedSerial(int port, Path ca) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusting(ca), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static BigInteger serial(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .getSerialNumber();
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run run(List<String> cmd, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "AWS_DEFAULT_REGION",
                        "us-east-1",
                        "AWS_PAGER",
                        "",
                        "HOME",
                        Files.createTempDirectory("tls-home").toString()));
        pb.environment().putAll(extraEnv);
        Path err = Files.createTempFile("tls", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
