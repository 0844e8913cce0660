package dev.belfry.app;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Limits;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.ServerSettings;
import dev.belfry.server.auth.Credential;
import dev.belfry.store.StoreConfig;
import dev.belfry.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code belfry serve}: start the API server, print where it listens and how to reach it. */
@Command(name = "belfry serve", mixinStandardHelpOptions = true,
    description = "Serve the Amazon Chime chat-room API (rest-json, SigV4).")
final class ServeCommand implements Callable<Integer> {
  /** Returned when the server runs on in its own threads: main must not exit. */
  static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServerSettings.DEFAULT_PORT;

  @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host = "127.0.0.1";

  @Option(names = "--data", description = "Data directory of the embedded SQLite database (default ${DEFAULT-VALUE}).")
  Path data = Path.of("belfry-data");

  @Option(names = "--db", description = "JDBC URL of the database instead, e.g. jdbc:postgresql://host:5432/db?user=u"
      + " (or BELFRY_DB).")
  String db;

  @Option(names = "--demo", description = "Seed an Enterprise account with users, a bot and a room, and print commands to try.")
  boolean demo;

  @Option(names = "--create-account-type", description = "Account type CreateAccount makes: ${COMPLETION-CANDIDATES}"
      + " (default Team, as Chime).")
  AccountType createAccountType = AccountType.Team;

  @Option(names = "--credentials", description = "JSON file listing credentials and their tenants.")
  Path credentials;

  @Option(names = "--max-members-per-room", description = "Default ${DEFAULT-VALUE}.")
  int membersPerRoom = Limits.chimeDefaults().membersPerRoom();

  @Option(names = "--max-rooms-per-member", description = "Default ${DEFAULT-VALUE}.")
  int roomsPerMember = Limits.chimeDefaults().roomsPerMember();

  @Option(names = "--max-rooms-per-account", description = "Default ${DEFAULT-VALUE}.")
  int roomsPerAccount = Limits.chimeDefaults().roomsPerAccount();

  @Option(names = "--max-bots-per-account", description = "Default ${DEFAULT-VALUE}.")
  int botsPerAccount = Limits.chimeDefaults().botsPerAccount();

  @Option(names = "--access-log", negatable = true, description = "One line per request on stdout (default on).")
  boolean accessLog = true;

  static int run(String[] args) {
    CommandLine cli = new CommandLine(new ServeCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    int code = cli.execute(args);
    Integer result = cli.getExecutionResult();
    return result != null && result == KEEP_RUNNING ? KEEP_RUNNING : code;
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    String url = db != null ? db : System.getenv("BELFRY_DB");
    StoreConfig store = url != null ? StoreConfig.jdbc(url) : StoreConfig.sqlite(data);
    ServerSettings settings = ServerSettings.defaults(data).withHost(host).withPort(port).withStore(store)
        .withCreateAccountType(createAccountType).withCredentialsFile(credentials)
        .withLimits(new Limits(membersPerRoom, roomsPerMember, roomsPerAccount, botsPerAccount));
    BelfryServer server;
    try {
      server = BelfryServer.start(settings, System.getenv(), out, accessLog);
    } catch (StoreException | IllegalArgumentException e) {
      System.err.println("belfry serve: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("belfry serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("belfry serve: error while stopping: " + e.getMessage());
      }
    }, "belfry-shutdown"));
    banner(out, server, url == null ? "SQLite " + data.resolve(StoreConfig.SQLITE_FILE) : redact(url));
    if (demo) {
      new DemoSeeder(server, out).seed();
    }
    return KEEP_RUNNING;
  }

  private void banner(PrintStream out, BelfryServer server, String database) {
    out.println("Belfry is serving the Amazon Chime chat-room API at " + server.url());
    out.println("  database:   " + database);
    out.println("  new accounts: " + createAccountType + (createAccountType == AccountType.Team
        ? " (room operations need an Enterprise account: `belfry admin create-account` or --create-account-type)" : ""));
    for (Credential c : server.credentials().all()) {
      out.println("  credential: AWS_ACCESS_KEY_ID=" + c.accessKeyId() + " (tenant " + c.tenantId() + ")");
    }
    if (server.credentials().isDevelopmentDefault()) {
      out.println("WARNING: using the development credential test/test. Set BELFRY_ACCESS_KEY_ID and"
          + " BELFRY_SECRET_ACCESS_KEY, or --credentials FILE, before anyone else can reach this server.");
    }
    out.println("  try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws chime list-accounts --region us-east-1"
        + " --endpoint-url " + server.url());
    out.flush();
  }

  /** JDBC URLs may carry a password; never print it. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
