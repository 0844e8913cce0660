package dev.belfry.cli.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain (or TLS) socket. Hand-written rather than java.net.http because
 * the CLI needs the response headers in received order (botocore prints them in that order under
 * ResponseMetadata) and because HttpClient's start-up costs more than the whole call. Stateless.
 */
public final class RawHttpClient {
    private RawHttpClient() {}

    /** @param timeoutsMillis connect and read timeouts, 0 meaning wait forever */
    public static WireResponse send(URI endpoint, WireRequest request, int connectMillis, int readMillis)
            throws IOException {
        return send(endpoint, request, connectMillis, readMillis, Transport.direct());
    }

    /**
     * Through {@code transport}'s proxy when it has one for this endpoint, as urllib3 does: a plain-HTTP request
     * goes to the proxy with the absolute URL as its target and {@code Proxy-Authorization} last; an HTTPS one opens
     * a tunnel with {@code CONNECT host:port HTTP/1.0} (Python 3.11's http.client) and speaks TLS through it.
     */
    public static WireResponse send(
            URI endpoint, WireRequest request, int connectMillis, int readMillis, Transport transport)
            throws IOException {
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : (tls ? 443 : 80);
        URI proxy = transport.proxies().proxyFor(endpoint);
        String target = request.target();
        List<Map.Entry<String, String>> headers = request.headers();
        Socket socket;
        if (proxy == null) {
            socket = connect(endpoint.getHost(), port, connectMillis);
        } else {
            String proxyAuthorization = Proxies.authorization(proxy);
            try {
                socket = connect(proxy.getHost(), proxy.getPort() > 0 ? proxy.getPort() : 80, connectMillis);
                if (tls) {
                    tunnel(socket, endpoint.getHost(), port, proxyAuthorization, readMillis);
                }
            } catch (IOException e) {
                throw new ProxyConnectException(Proxies.masked(proxy), e);
            }
            if (!tls) {
                target = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + target;
                if (proxyAuthorization != null) {
                    headers = new ArrayList<>(headers);
                    headers.add(Map.entry("Proxy-Authorization", proxyAuthorization));
                }
            }
        }
        try (Socket open = tls ? transport.tls().open(socket, endpoint.getHost(), port) : socket) {
            open.setSoTimeout(readMillis);
            OutputStream out = open.getOutputStream();
            out.write(head(request.method(), target, headers).getBytes(StandardCharsets.UTF_8));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
            return read(new BufferedInputStream(open.getInputStream()), request.method());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket connect(String host, int port, int connectMillis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), connectMillis);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        return plain;
    }

    private static void tunnel(Socket proxy, String host, int port, String authorization, int readMillis)
            throws IOException {
        StringBuilder connect = new StringBuilder("CONNECT ")
                .append(host)
                .append(':')
                .append(port)
                .append(" HTTP/1.0\r\n");
        if (authorization != null) {
            connect.append("Proxy-Authorization: ").append(authorization).append("\r\n");
        }
        connect.append("\r\n");
        proxy.setSoTimeout(readMillis);
        OutputStream out = proxy.getOutputStream();
        out.write(connect.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = proxy.getInputStream(); // unbuffered: TLS starts right after the blank line
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/")) {
            throw new IOException("Tunnel connection failed: no answer from the proxy");
        }
        String[] parts = status.split(" ", 3);
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            // the proxy's headers are of no use once the tunnel is up
        }
        if (!parts[1].equals("200")) {
            throw new IOException("Tunnel connection failed: " + parts[1] + (parts.length > 2 ? " " + parts[2] : ""));
        }
    }

    private static String head(String method, String target, List<Map.Entry<String, String>> headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static WireResponse read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("Connection closed before a status line was received");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(
                        line.substring(0, colon), line.substring(colon + 1).strip()));
            }
        }
        WireResponse head = new WireResponse(status, headers, new byte[0]);
        byte[] body;
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            body = chunked(in);
        } else if (head.header("content-length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("content-length").strip()));
        } else {
            body = in.readAllBytes();
        }
        return new WireResponse(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                break;
            }
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                while ((size = line(in)) != null && !size.isEmpty()) {
                    // trailers are ignored
                }
                break;
            }
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            buf.write(c);
        }
        if (c == -1 && buf.size() == 0) {
            return null;
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
