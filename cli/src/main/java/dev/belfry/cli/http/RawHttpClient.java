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
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : (tls ? 443 : 80);
        try (Socket socket = open(tls, endpoint.getHost(), port, connectMillis)) {
            socket.setSoTimeout(readMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head(request).getBytes(StandardCharsets.UTF_8));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), request.method());
        }
    }

    private static Socket open(boolean tls, String host, int port, int connectMillis) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), connectMillis);
        if (!tls) {
            return plain;
        }
        javax.net.ssl.SSLSocketFactory factory =
                (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault();
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) factory.createSocket(plain, host, port, true);
        javax.net.ssl.SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }

    private static String head(WireRequest request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : request.headers()) {
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
