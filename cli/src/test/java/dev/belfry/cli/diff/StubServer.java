package dev.belfry.cli.diff;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A scripted HTTP server for differential tests: it records every request byte for byte and answers
 * with the next scripted response (the last one repeats), writing exactly the scripted headers so
 * both clients see the same bytes. Thread-safe; one connection at a time is enough for a CLI.
 */
public final class StubServer implements AutoCloseable {
    /** A scripted answer; headers are written in this order, Content-Length is added when absent. */
    public record Response(int status, String reason, List<Map.Entry<String, String>> headers, String body) {}

    /** A recorded request. */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }
    }

    private final ServerSocket socket;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile List<Response> script = List.of();
    private int next;

    private final boolean tls;

    public StubServer() throws IOException {
        this(null);
    }

    /** @param tls serve HTTPS with this context's certificate; null for plain HTTP */
    public StubServer(javax.net.ssl.SSLContext tls) throws IOException {
        this.tls = tls != null;
        socket = tls == null
                ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "stub-server");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String endpoint() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public synchronized void reset(List<Response> responses) {
        script = responses;
        next = 0;
        requests.clear();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private synchronized Response nextResponse() {
        if (script.isEmpty()) {
            return new Response(200, "OK", List.of(), "{}");
        }
        Response r = script.get(Math.min(next, script.size() - 1));
        next++;
        return r;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(
                        () -> {
                            try (s) {
                                handle(s);
                            } catch (IOException e) {
                                // a client went away; keep serving
                            }
                        },
                        "stub-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket s) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        while (true) {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            String h;
            int length = 0;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                headers.add(
                        Map.entry(h.substring(0, colon), h.substring(colon + 1).strip()));
                if (h.substring(0, colon).equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(h.substring(colon + 1).strip());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            requests.add(new Request(parts[0], parts[1], headers, body));
            Response r = nextResponse();
            write(s.getOutputStream(), r);
            boolean keepAlive = r.headers().stream().noneMatch(e -> e.getKey().equalsIgnoreCase("connection"));
            if (!keepAlive) {
                return;
            }
        }
    }

    private static void write(OutputStream out, Response r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status() + " " + r.reason() + "\r\n");
        boolean hasLength = false;
        for (Map.Entry<String, String> e : r.headers()) {
            head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
            hasLength |= e.getKey().equalsIgnoreCase("content-length");
        }
        if (!hasLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            buf.write(c);
        }
        if (c == -1 && buf.size() == 0) {
            return null;
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
