package dev.belfry.server.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Where InviteUsers' mail goes (D54), from {@code belfry serve --smtp-url}:
 * {@code smtp://[user[:password]@]host[:port][?starttls=required|opportunistic|off]} or
 * {@code smtps://[user[:password]@]host[:port]} (TLS from the first byte). Credentials are percent-decoded; a
 * password file given beside the URL wins over a password in it. With credentials, plain {@code smtp://}
 * requires STARTTLS unless {@code starttls=off} says otherwise, so a password never crosses the network in clear
 * by default. The server's certificate is checked against the JVM's trust store and the host name.
 *
 * @param from the envelope and header sender, required: a server must not invent one
 */
public record SmtpSettings(
        String host, int port, Security security, String user, String password, String from, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public enum Security {
        /** smtps: TLS from connection */
        TLS,
        /** STARTTLS or no mail at all */
        STARTTLS_REQUIRED,
        /** STARTTLS when the server offers it */
        STARTTLS_OPPORTUNISTIC,
        /** plain text */
        NONE
    }

    /** The URL's settings; throws IllegalArgumentException naming what is wrong, never echoing a password. */
    public static SmtpSettings parse(String url, String from, String passwordOverride) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--smtp-url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("--smtp-url must start with smtp:// or smtps://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("--smtp-url names no host, e.g. smtp://mail.example:587");
        }
        if (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("--smtp-url takes no path");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        if (passwordOverride != null) {
            password = passwordOverride;
        }
        Security security = scheme.equals("smtps")
                ? Security.TLS
                : user != null ? Security.STARTTLS_REQUIRED : Security.STARTTLS_OPPORTUNISTIC;
        Duration timeout = DEFAULT_TIMEOUT;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]);
                String value = kv.length > 1 ? decode(kv[1]) : "";
                switch (key) {
                    case "starttls" -> {
                        if (scheme.equals("smtps")) {
                            throw new IllegalArgumentException("--smtp-url: starttls does not apply to smtps://");
                        }
                        security = switch (value) {
                            case "required" -> Security.STARTTLS_REQUIRED;
                            case "opportunistic" -> Security.STARTTLS_OPPORTUNISTIC;
                            case "off" -> Security.NONE;
                            default ->
                                throw new IllegalArgumentException(
                                        "--smtp-url: starttls must be required, opportunistic or off");
                        };
                    }
                    case "timeout" -> {
                        try {
                            timeout = Duration.ofSeconds(Integer.parseInt(value));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--smtp-url: timeout is in whole seconds");
                        }
                        if (timeout.isNegative() || timeout.isZero()) {
                            throw new IllegalArgumentException("--smtp-url: timeout must be at least 1 second");
                        }
                    }
                    default ->
                        throw new IllegalArgumentException(
                                "--smtp-url: unknown parameter " + key + " (known: starttls, timeout)");
                }
            }
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("--smtp-url needs --smtp-from, the address invitations come from");
        }
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("--smtp-from is not a mail address: " + from);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("smtps") ? 465 : 25;
        return new SmtpSettings(uri.getHost(), port, security, user, password, from, timeout);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL as safe to print: no password. */
    public String describe() {
        return (security == Security.TLS ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host + ":"
                + port
                + switch (security) {
                    case TLS -> "";
                    case STARTTLS_REQUIRED -> " (STARTTLS required)";
                    case STARTTLS_OPPORTUNISTIC -> " (STARTTLS when offered)";
                    case NONE -> " (no TLS)";
                };
    }

    @Override
    public String toString() {
        return describe() + " from " + from;
    }
}
