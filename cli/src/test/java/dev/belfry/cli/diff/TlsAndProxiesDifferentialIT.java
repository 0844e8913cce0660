package dev.belfry.cli.diff;

import static dev.belfry.cli.diff.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.testsupport.RequiredTools;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS endpoints and proxies, /usr/bin/aws against belfry: certificates made by the JDK's keytool for this run,
 * a TLS stub server, the plain stub as an HTTP proxy (it records the absolute-form targets a proxy receives) and a
 * small CONNECT proxy in front of the TLS stub. Each case compares exit code, stdout, stderr and the requests on
 * the wire, as {@link ChimeDifferentialIT} does.
 */
class TlsAndProxiesDifferentialIT {
    private static final List<StubServer.Response> ACCOUNTS = ok(200, "{\"Accounts\":[]}");
    private static final String[] LIST = {"list-accounts"};

    static Path certs;
    static SSLContext localhost; // subjectAltName IP:127.0.0.1, DNS:localhost
    static SSLContext other; // subjectAltName DNS:other.example only

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = Files.createTempDirectory("belfry-tls");
        localhost = certificate("localhost", "ip:127.0.0.1,dns:localhost");
        other = certificate("other", "dns:other.example");
        Files.writeString(certs.resolve("not-a-certificate.pem"), "just text\n");
    }

    // ------------------------------------------------------------------------------------------ HTTPS

    @Test
    void caBundleOption() throws Exception {
        tls(localhost, DiffCase.of("--ca-bundle", ACCOUNTS, "list-accounts", "--ca-bundle", "@CERTS@/localhost.pem"));
    }

    @Test
    void caBundleFromTheEnvironment() throws Exception {
        tls(localhost, DiffCase.of("AWS_CA_BUNDLE", ACCOUNTS, LIST).env("AWS_CA_BUNDLE", "@CERTS@/localhost.pem"));
    }

    @Test
    void caBundleFromTheProfile() throws Exception {
        tls(
                localhost,
                DiffCase.of("ca_bundle in the profile", ACCOUNTS, LIST)
                        .file(".aws/config", "[default]\nca_bundle = @CERTS@/localhost.pem\n"));
    }

    @Test
    void optionBeatsEnvironment() throws Exception {
        tls(
                localhost,
                DiffCase.of(
                                "--ca-bundle over AWS_CA_BUNDLE",
                                ACCOUNTS,
                                "list-accounts",
                                "--ca-bundle",
                                "@CERTS@/localhost.pem")
                        .env("AWS_CA_BUNDLE", "@CERTS@/missing.pem"));
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithoutABundle() throws Exception {
        tls(localhost, DiffCase.of("self-signed, no bundle", ACCOUNTS, LIST));
    }

    @Test
    void noVerifySslWarnsAndGoesOn() throws Exception {
        tls(localhost, DiffCase.of("--no-verify-ssl", ACCOUNTS, "list-accounts", "--no-verify-ssl"));
    }

    @Test
    void noVerifySslIgnoresAMissingBundle() throws Exception {
        tls(
                localhost,
                DiffCase.of("--no-verify-ssl, bundle missing", ACCOUNTS, "list-accounts", "--no-verify-ssl")
                        .env("AWS_CA_BUNDLE", "@CERTS@/missing.pem"));
    }

    @Test
    void aMissingBundle() throws Exception {
        tls(
                localhost,
                DiffCase.of("--ca-bundle missing", ACCOUNTS, "list-accounts", "--ca-bundle", "@CERTS@/missing.pem"));
    }

    @Test
    void aBundleWithoutCertificates() throws Exception {
        tls(
                localhost,
                DiffCase.of(
                        "--ca-bundle without certificates",
                        ACCOUNTS,
                        "list-accounts",
                        "--ca-bundle",
                        "@CERTS@/not-a-certificate.pem"));
    }

    @Test
    void aCertificateForAnotherHost() throws Exception {
        tls(other, DiffCase.of("hostname mismatch", ACCOUNTS, "list-accounts", "--ca-bundle", "@CERTS@/other.pem"));
    }

    // ------------------------------------------------------------------------------------------ proxies

    @Test
    void anHttpProxyGetsTheAbsoluteUrlAndCredentials() throws Exception {
        proxied(DiffCase.of("HTTP_PROXY with credentials", ACCOUNTS, LIST)
                .env("HTTP_PROXY", "http://user:p%40ss@@PROXY@"));
    }

    @Test
    void aProxyWithoutAScheme() throws Exception {
        proxied(DiffCase.of("HTTP_PROXY without a scheme", ACCOUNTS, LIST).env("HTTP_PROXY", "@PROXY@"));
    }

    @Test
    void theLowerCaseVariableWins() throws Exception {
        proxied(DiffCase.of("http_proxy over HTTP_PROXY", ACCOUNTS, LIST)
                .env("HTTP_PROXY", "http://127.0.0.1:1")
                .env("http_proxy", "http://@PROXY@"));
    }

    @Test
    void anUnreachableProxyIsNamedMasked() throws Exception {
        proxied(DiffCase.of("proxy down", ACCOUNTS, LIST).env("HTTP_PROXY", "http://user:secret@127.0.0.1:1"));
    }

    @Test
    void noProxyByHost() throws Exception {
        StubServer.Response r = ACCOUNTS.get(0);
        try (StubServer stub = new StubServer()) {
            compare(
                    stub,
                    DiffCase.of("NO_PROXY=127.0.0.1", List.of(r), LIST)
                            .env("HTTP_PROXY", "http://127.0.0.1:1")
                            .env("NO_PROXY", "localhost, 127.0.0.1"),
                    stub.endpoint(),
                    Map.of());
        }
    }

    @Test
    void noProxyByDomainSuffix() throws Exception {
        try (StubServer stub = new StubServer()) {
            compare(
                    stub,
                    DiffCase.of("NO_PROXY=.example.invalid", ACCOUNTS, LIST)
                            .env("HTTP_PROXY", "http://" + "127.0.0.1:" + stub.port())
                            .env("no_proxy", ".example.invalid"),
                    "http://chime.example.invalid:4444",
                    Map.of());
        }
    }

    @Test
    void httpsThroughAConnectTunnel() throws Exception {
        try (StubServer stub = new StubServer(localhost);
                TunnelProxy proxy = new TunnelProxy(stub.port())) {
            List<String> awsTunnels = new ArrayList<>();
            List<String> belfryTunnels = new ArrayList<>();
            DiffCase c = DiffCase.of(
                            "HTTPS_PROXY tunnel", ACCOUNTS, "list-accounts", "--ca-bundle", "@CERTS@/localhost.pem")
                    .env("HTTPS_PROXY", "http://u:pw@127.0.0.1:" + proxy.port());
            compare(stub, c, "https://localhost:" + stub.port(), Map.of(), proxy, awsTunnels, belfryTunnels);
            assertThat(awsTunnels).as("the reference opened a tunnel").isNotEmpty();
            assertThat(belfryTunnels).as("CONNECT requests").isEqualTo(awsTunnels);
        }
    }

    // ------------------------------------------------------------------------------------------ machinery

    private static void tls(SSLContext certificate, DiffCase c) throws Exception {
        try (StubServer stub = new StubServer(certificate)) {
            compare(stub, c, stub.endpoint(), Map.of());
        }
    }

    /** The plain stub plays the proxy; the endpoint's host does not exist, so only a proxy can reach it. */
    private static void proxied(DiffCase c) throws Exception {
        try (StubServer stub = new StubServer()) {
            compare(stub, c, "http://chime.example.invalid:4444", Map.of("@PROXY@", "127.0.0.1:" + stub.port()));
        }
    }

    private static void compare(StubServer stub, DiffCase c, String endpoint, Map<String, String> more)
            throws Exception {
        compare(stub, c, endpoint, more, null, null, null);
    }

    private static void compare(
            StubServer stub,
            DiffCase c,
            String endpoint,
            Map<String, String> more,
            TunnelProxy proxy,
            List<String> awsTunnels,
            List<String> belfryTunnels)
            throws Exception {
        RequiredTools.awsCliV2();
        Map<String, String> placeholders = new LinkedHashMap<>(more);
        placeholders.put("@CERTS@", certs.toString());
        DiffCase filled = fill(c, placeholders);
        Path home = ChimeDifferentialIT.home(filled);
        Map<String, String> env = ChimeDifferentialIT.env(filled, home);
        List<String> args = new ArrayList<>(filled.noEndpoint().argsWith(endpoint, home.toString()));
        args.add("--endpoint-url");
        args.add(endpoint);
        List<String> line = new ArrayList<>(List.of("chime"));
        line.addAll(args);
        ChimeDifferentialIT.Outcome aws = ChimeDifferentialIT.runAws(stub, line, env, home, filled);
        if (proxy != null) {
            awsTunnels.addAll(proxy.takeConnects());
        }
        ChimeDifferentialIT.Outcome belfry = ChimeDifferentialIT.runBelfry(stub, args, env, filled);
        if (proxy != null) {
            belfryTunnels.addAll(proxy.takeConnects());
        }
        System.out.printf(
                "TlsAndProxiesDifferentialIT [%s]: aws exit %d, stdout %s, stderr %s%n",
                c.name(),
                aws.exit(),
                aws.stdout().strip().replace("\n", " "),
                aws.stderr().strip().replace("\n", " "));
        assertThat(belfry.exit()).as("exit code; aws stderr: %s", aws.stderr()).isEqualTo(aws.exit());
        assertThat(belfry.stdout()).as("stdout").isEqualTo(aws.stdout());
        assertThat(belfry.stderr()).as("stderr").isEqualTo(ChimeDifferentialIT.normaliseProgramName(aws.stderr()));
        assertThat(belfry.requests()).as("requests on the wire").isEqualTo(aws.requests());
    }

    private static DiffCase fill(DiffCase c, Map<String, String> placeholders) {
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            args.add(replace(a, placeholders));
        }
        Map<String, String> env = new LinkedHashMap<>();
        c.env().forEach((k, v) -> env.put(k, replace(v, placeholders)));
        Map<String, String> files = new LinkedHashMap<>();
        c.homeFiles().forEach((k, v) -> files.put(k, replace(v, placeholders)));
        return new DiffCase(
                c.name(), args, c.responses(), env, files, c.compareStderr(), c.useEndpoint(), c.knownGap());
    }

    private static String replace(String s, Map<String, String> placeholders) {
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            s = s.replace(p.getKey(), p.getValue());
        }
        return s;
    }

    /** A self-signed certificate made by keytool, as a server context and as {@code <name>.pem} in {@link #certs}. */
    private static SSLContext certificate(String name, String san) throws Exception {
        Path store = certs.resolve(name + ".p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + name,
                "-ext",
                "san=" + san,
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-file",
                certs.resolve(name + ".pem").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    /** A CONNECT-only forward proxy to one port, recording each CONNECT request's head. */
    static final class TunnelProxy implements AutoCloseable {
        private final ServerSocket socket;
        private final int target;
        private final List<String> connects = Collections.synchronizedList(new ArrayList<>());

        TunnelProxy(int target) throws IOException {
            this.target = target;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "tunnel-proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> takeConnects() {
            synchronized (connects) {
                List<String> out = new ArrayList<>(connects);
                connects.clear();
                return out;
            }
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread t = new Thread(() -> tunnel(client), "tunnel");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void tunnel(Socket client) {
            try (client;
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.append((char) b);
                }
                // the port differs between runs only in the target port, which is the same for both clients
                connects.add(head.toString());
                client.getOutputStream()
                        .write("HTTP/1.0 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                Thread back = new Thread(() -> pipe(upstream, client));
                back.setDaemon(true);
                back.start();
                pipe(client, upstream);
                back.join(5_000);
            } catch (IOException | InterruptedException e) {
                // a client went away
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
