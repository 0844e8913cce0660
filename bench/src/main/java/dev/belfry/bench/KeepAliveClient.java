package dev.belfry.bench;

import dev.belfry.wire.sigv4.SigV4Signer;
import dev.belfry.wire.sigv4.SignableRequest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal keep-alive HTTP/1.1 client on one socket, signing each request with the project's SigV4Signer
 * (credential test/test, service chime). Deliberately lean so the load generator costs far less CPU than the
 * server it measures (the harness reports both processes' CPU).
 */
final class KeepAliveClient implements AutoCloseable {
    static final SigV4Signer SIGNER = new SigV4Signer("chime", "us-east-1");
    static final String KEY = "test";
    static final String SECRET = "test";

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] lastBody = new byte[0];

    KeepAliveClient(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Builds and signs one request; body may be null. */
    static byte[] request(int port, String method, String path, String query, String body) {
        return build(port, method, path, query, body, true);
    }

    /** An unsigned request, as an incoming webhook's integration sends it (no Content-Type either). */
    static byte[] unsigned(int port, String method, String path, String query, String body) {
        return build(port, method, path, query, body, false);
    }

    private static byte[] build(int port, String method, String path, String query, String body, boolean sign) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String host = "127.0.0.1:" + port;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(new SimpleImmutableEntry<>("Host", host));
        if (body != null && sign) {
            headers.add(new SimpleImmutableEntry<>("Content-Type", "application/json"));
        }
        Map<String, String> signed = sign
                ? SIGNER.sign(
                        new SignableRequest(method, path, query, headers, bytes), KEY, SECRET, null, Instant.now())
                : Map.of();
        StringBuilder head = new StringBuilder(512);
        head.append(method).append(' ').append(path);
        if (query != null && !query.isEmpty()) {
            head.append('?').append(query);
        }
        head.append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        signed.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + bytes.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(bytes, 0, all, h.length, bytes.length);
        return all;
    }

    /** Sends one request and reads the whole response; returns the status. Reconnects once if the server closed. */
    int send(byte[] request) throws IOException {
        try {
            return exchange(request);
        } catch (EOFException | java.net.SocketException e) {
            close();
            connect();
            return exchange(request);
        }
    }

    String body() {
        return new String(lastBody, StandardCharsets.UTF_8);
    }

    private int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            String name = l.substring(0, colon).trim();
            String value = l.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line().split(";")[0].trim(), 16);
                    n > 0;
                    n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                b.write(in.readNBytes(n));
                line();
            }
            for (String l = line(); !l.isEmpty(); l = line()) {
                // trailers
            }
            lastBody = b.toByteArray();
        } else if (length >= 0) {
            lastBody = in.readNBytes((int) length);
        } else {
            lastBody = new byte[0];
        }
        if (close) {
            close();
            connect();
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
