package dev.belfry.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How the CLI checks an HTTPS endpoint, as the AWS CLI does: against a CA bundle ({@code --ca-bundle}, then
 * {@code AWS_CA_BUNDLE}, then the profile's {@code ca_bundle}; without one, the JDK's trust store stands in for the
 * system bundle the AWS CLI uses), the host name matched the way urllib3 1.26's {@code match_hostname} matches it,
 * and the failures worded as OpenSSL and urllib3 word them, because scripts and people read those lines. With
 * {@code --no-verify-ssl} nothing is checked and urllib3's InsecureRequestWarning is printed once per host.
 */
public final class TlsPolicy {
    /**
     * urllib3's warning as the reference AWS CLI (Debian's awscli 2.9.19) prints it through Python's warnings module;
     * the file and line are that installation's.
     */
    static final String INSECURE_WARNING = "/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065:"
            + " InsecureRequestWarning: Unverified HTTPS request is being made to host '%s'. Adding certificate"
            + " verification is strongly advised. See:"
            + " https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n";

    private final boolean verify;
    private final String caBundle; // null: the JDK's trust store
    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>();
    private SSLSocketFactory factory; // made on the first HTTPS call: plain-HTTP calls never load TLS classes

    public TlsPolicy(boolean verify, String caBundle, Consumer<String> warnings) {
        this.verify = verify;
        this.caBundle = caBundle;
        this.warnings = warnings;
    }

    public static TlsPolicy standard() {
        return new TlsPolicy(true, null, w -> {});
    }

    /** TLS over {@code plain} (connected to the endpoint, directly or through a proxy tunnel), checked. */
    SSLSocket open(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) factory().createSocket(plain, host, port, true);
        try {
            socket.startHandshake();
        } catch (javax.net.ssl.SSLHandshakeException e) {
            socket.close();
            String reason = verifyFailure(e);
            if (reason != null) {
                throw new SslValidationException(
                        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: " + reason + " (_ssl.c:992)", e);
            }
            throw e;
        }
        if (verify) {
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            String mismatch = HostnameMatch.mismatch(leaf, host);
            if (mismatch != null) {
                socket.close();
                throw new SslValidationException(mismatch, null);
            }
        } else if (warned.add(host)) {
            warnings.accept(String.format(Locale.ROOT, INSECURE_WARNING, host));
        }
        return socket;
    }

    private synchronized SSLSocketFactory factory() throws IOException {
        if (factory == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {verify ? new Explaining(trustManager()) : new TrustAll()}, null);
                factory = context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return factory;
    }

    private X509TrustManager trustManager() throws IOException, GeneralSecurityException {
        KeyStore store = null;
        if (caBundle != null) {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            Collection<? extends java.security.cert.Certificate> certs;
            try (InputStream in = Files.newInputStream(Path.of(caBundle))) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (NoSuchFileException e) {
                throw new SslValidationException("[Errno 2] No such file or directory", e);
            } catch (CertificateException e) {
                certs = List.of();
            }
            if (certs.isEmpty()) {
                throw new SslValidationException(
                        "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)", null);
            }
            int n = 0;
            for (java.security.cert.Certificate c : certs) {
                store.setCertificateEntry("ca-" + n++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static String verifyFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Explained x) {
                return x.reason;
            }
        }
        return null;
    }

    /** A chain the trust store refused, with OpenSSL's words for why (X509_verify_cert_error_string). */
    private static final class Explained extends CertificateException {
        private static final long serialVersionUID = 1L;
        final String reason;

        Explained(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }
    }

    /** Delegates to the real trust manager and, when it refuses a chain, says why as OpenSSL would. */
    private static final class Explaining implements X509TrustManager {
        private final X509TrustManager delegate;

        Explaining(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw new Explained(reason(chain, e), e);
            }
        }

        private static String reason(X509Certificate[] chain, CertificateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CertificateExpiredException) {
                    return "certificate has expired";
                }
                if (t instanceof CertificateNotYetValidException) {
                    return "certificate is not yet valid";
                }
            }
            try {
                chain[0].checkValidity();
            } catch (CertificateExpiredException x) {
                return "certificate has expired";
            } catch (CertificateNotYetValidException x) {
                return "certificate is not yet valid";
            }
            X509Certificate last = chain[chain.length - 1];
            if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                return chain.length == 1 ? "self-signed certificate" : "self-signed certificate in certificate chain";
            }
            return "unable to get local issuer certificate";
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** --no-verify-ssl: any certificate, any name. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** urllib3 1.26's match_hostname (its backport of Python's), including its error messages. */
    static final class HostnameMatch {
        private HostnameMatch() {}

        /** Null when {@code host} matches {@code cert}, else urllib3's CertificateError text. */
        static String mismatch(X509Certificate cert, String host) {
            boolean ip = isIpLiteral(host);
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> sans = cert.getSubjectAlternativeNames();
                if (sans != null) {
                    for (List<?> san : sans) {
                        int type = (Integer) san.get(0);
                        String value = String.valueOf(san.get(1));
                        if (type == 2) { // dNSName
                            if (!ip && dnsMatch(value, host)) {
                                return null;
                            }
                            names.add(value);
                        } else if (type == 7) { // iPAddress
                            if (ip && sameAddress(value, host)) {
                                return null;
                            }
                            names.add(value);
                        }
                    }
                }
            } catch (java.security.cert.CertificateParsingException e) {
                // no usable subjectAltName: fall back to the common name below, as urllib3 does
            }
            if (names.isEmpty()) {
                String cn = commonName(cert);
                if (cn != null) {
                    if (dnsMatch(cn, host)) {
                        return null;
                    }
                    names.add(cn);
                }
            }
            if (names.size() > 1) {
                List<String> quoted = new ArrayList<>();
                names.forEach(n -> quoted.add(repr(n)));
                return "hostname " + repr(host) + " doesn't match either of " + String.join(", ", quoted);
            } else if (names.size() == 1) {
                return "hostname " + repr(host) + " doesn't match " + repr(names.get(0));
            }
            return "no appropriate commonName or subjectAltName fields were found";
        }

        /** One leftmost wildcard label at most, matching exactly one label, case-insensitively. */
        private static boolean dnsMatch(String pattern, String host) {
            String p = pattern.toLowerCase(Locale.ROOT);
            String h = host.toLowerCase(Locale.ROOT);
            if (!p.contains("*")) {
                return p.equals(h);
            }
            int dot = p.indexOf('.');
            if (dot < 0 || h.indexOf('.') < 0) {
                return false;
            }
            String leftPattern = p.substring(0, dot);
            String leftHost = h.substring(0, h.indexOf('.'));
            if (!p.substring(dot).equals(h.substring(h.indexOf('.')))) {
                return false;
            }
            String regex = java.util.regex.Pattern.quote(leftPattern).replace("*", "\\E[^.]*\\Q");
            return leftHost.matches(regex);
        }

        private static boolean isIpLiteral(String host) {
            return host.matches("[0-9.]+") || host.contains(":");
        }

        private static boolean sameAddress(String value, String host) {
            try {
                return InetAddress.getByName(value.strip()).equals(InetAddress.getByName(host));
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static String commonName(X509Certificate cert) {
            try {
                javax.naming.ldap.LdapName dn = new javax.naming.ldap.LdapName(
                        cert.getSubjectX500Principal().getName());
                for (javax.naming.ldap.Rdn rdn : dn.getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        return String.valueOf(rdn.getValue());
                    }
                }
            } catch (javax.naming.InvalidNameException e) {
                return null;
            }
            return null;
        }

        /** Python's repr of a str, for the plain host names certificates hold. */
        private static String repr(String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
    }
}
