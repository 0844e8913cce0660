package dev.belfry.cli.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The proxies the AWS CLI would use, read from the environment as botocore reads it: Python's
 * {@code urllib.request.getproxies_environment()} (any {@code <scheme>_proxy} variable, either case, the lower-case
 * one winning, an empty lower-case one removing the scheme) and {@code proxy_bypass_environment()} for
 * {@code no_proxy} ({@code *}, or a comma-separated list of host names and domain suffixes, with or without port,
 * leading dots ignored; no CIDR ranges, as urllib has none). A proxy URL without a scheme is {@code http://}, as
 * botocore's {@code _fix_proxy_url} makes it. Only http:// proxies are spoken to (an https:// proxy is reached
 * in plain HTTP), which covers squid, tinyproxy and corporate forward proxies.
 */
public final class Proxies {
    private final Map<String, String> byScheme; // "http", "https", "no" -> value

    private Proxies(Map<String, String> byScheme) {
        this.byScheme = byScheme;
    }

    public static Proxies none() {
        return new Proxies(Map.of());
    }

    public static Proxies fromEnvironment(Map<String, String> env) {
        Map<String, String> proxies = new HashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) { // any case first
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue() != null && !e.getValue().isEmpty() && name.endsWith("_proxy")) {
                proxies.put(name.substring(0, name.length() - 6), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) { // then the lower-case names, which win
            String name = e.getKey();
            if (name.endsWith("_proxy")) {
                String scheme = name.substring(0, name.length() - 6).toLowerCase(Locale.ROOT);
                if (e.getValue() != null && !e.getValue().isEmpty()) {
                    proxies.put(scheme, e.getValue());
                } else {
                    proxies.remove(scheme);
                }
            }
        }
        return new Proxies(proxies);
    }

    /** The proxy for a request to {@code endpoint}, or null to connect directly. */
    public URI proxyFor(URI endpoint) {
        if (bypass(endpoint.getRawAuthority())) {
            return null;
        }
        String url = byScheme.get(endpoint.getScheme().toLowerCase(Locale.ROOT));
        if (url == null) {
            return null;
        }
        return URI.create(
                url.startsWith("http:") || url.startsWith("https:")
                        ? url
                        : url.startsWith("//") ? "http:" + url : "http://" + url);
    }

    private boolean bypass(String authority) {
        String noProxy = byScheme.get("no");
        if (noProxy == null) {
            return false;
        }
        if (noProxy.equals("*")) {
            return true;
        }
        String host = authority.toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        host = at >= 0 ? host.substring(at + 1) : host;
        String hostOnly = host.matches(".*:\\d*") ? host.substring(0, host.lastIndexOf(':')) : host;
        for (String entry : noProxy.split(",")) {
            String name = entry.strip();
            while (name.startsWith(".")) {
                name = name.substring(1);
            }
            name = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (hostOnly.equals(name) || host.equals(name)) {
                return true;
            }
            if (hostOnly.endsWith("." + name) || host.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Proxy-Authorization} for a proxy URL with a user and a password (both, as botocore's
     * {@code proxy_headers_for} wants), each percent-decoded; null without them.
     */
    static String authorization(URI proxy) {
        String raw = proxy.getRawUserInfo();
        if (raw == null || !raw.contains(":")) {
            return null;
        }
        String user = decode(raw.substring(0, raw.indexOf(':')));
        String password = decode(raw.substring(raw.indexOf(':') + 1));
        if (user.isEmpty() || password.isEmpty()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The proxy URL as botocore's {@code mask_proxy_url} prints it in errors: the first occurrence of the user, then
     * of the password, replaced by {@code ***} (botocore replaces the first occurrence anywhere in the URL, and so
     * does this).
     */
    static String masked(URI proxy) {
        String s = proxy.toString();
        String raw = proxy.getRawUserInfo();
        if (raw == null) {
            return s;
        }
        int colon = raw.indexOf(':');
        String user = colon >= 0 ? raw.substring(0, colon) : raw;
        String password = colon >= 0 ? raw.substring(colon + 1) : "";
        if (!user.isEmpty()) {
            s = s.replaceFirst(java.util.regex.Pattern.quote(user), "***");
        }
        if (!password.isEmpty()) {
            s = s.replaceFirst(java.util.regex.Pattern.quote(password), "***");
        }
        return s;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
