package dev.belfry.cli.diff;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Belfry server for the server-backed differential test: BELFRY_SERVER_URL, or the packaged jar started here. */
final class ServerProcess implements AutoCloseable {
  private final String url;
  private final Process process;

  private ServerProcess(String url, Process process) {
    this.url = url;
    this.process = process;
  }

  /** The server, or null when neither BELFRY_SERVER_URL nor ../app/target/belfry.jar is available. */
  static ServerProcess start() throws Exception {
    String given = System.getenv("BELFRY_SERVER_URL");
    if (given != null && !given.isBlank()) {
      return new ServerProcess(given, null);
    }
    Path jar = Path.of("..", "app", "target", "belfry.jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path data = Files.createTempDirectory("belfry-server-data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port", String.valueOf(port), "--data",
        data.toString(), "--create-account-type", "EnterpriseLWA").redirectErrorStream(true).redirectOutput(new File(data.toFile(), "server.log")).start();
    for (int i = 0; i < 150; i++) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new ServerProcess("http://127.0.0.1:" + port, p);
      } catch (java.io.IOException notYet) {
        if (!p.isAlive()) {
          return null;
        }
        Thread.sleep(200);
      }
    }
    p.destroy();
    return null;
  }

  String url() {
    return url;
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
    }
  }
}
