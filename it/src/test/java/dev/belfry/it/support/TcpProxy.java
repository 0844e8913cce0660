package dev.belfry.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 between Belfry and a database, so a test can make the database unreachable and
 * bring it back without touching the shared PostgreSQL: {@link #cut} closes the listener and every connection
 * (a database that went away), {@link #freeze} keeps connections open but forwards nothing (a database that
 * stopped answering), {@link #restore} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = ServerProcess.freePort();
        restore();
    }

    public int port() {
        return port;
    }

    /** Listens (again) and forwards. */
    public synchronized void restore() throws IOException {
        frozen = false;
        if (listener != null && !listener.isClosed()) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        Thread accept = new Thread(() -> accept(s), "tcp-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Refuses new connections and resets the open ones. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** Keeps every connection open and accepts new ones, but passes no byte either way. */
    public void freeze() {
        frozen = true;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return; // the listener was closed by cut()
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            while (frozen && !from.isClosed()) {
                                Thread.sleep(20);
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side closed or was cut: close the other
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        cut();
    }
}
