package dev.belfry.app;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.auth.Credential;
import java.io.PrintStream;

/** What {@code belfry serve} prints once it listens: where, on which database, and how to reach it. */
final class ServeBanner {
    private ServeBanner() {}

    static void print(
            PrintStream out,
            BelfryServer server,
            BannerCredential credential,
            AccountType createAccountType,
            String database) {
        out.println("Belfry is serving the Amazon Chime chat-room API at " + server.url());
        out.println("  database:   " + database);
        out.println("  new accounts: " + createAccountType
                + (createAccountType == AccountType.Team
                        ? " (room operations need an Enterprise account: `belfry admin create-account` or --create-account-type)"
                        : ""));
        for (Credential c : server.credentials().all()) {
            out.println("  credential: AWS_ACCESS_KEY_ID=" + c.accessKeyId() + " (tenant " + c.tenantId() + ")");
        }
        if (server.credentials().isDevelopmentDefault()) {
            out.println("WARNING: using the development credential test/test. Set BELFRY_ACCESS_KEY_ID and"
                    + " BELFRY_SECRET_ACCESS_KEY, or --credentials FILE, before anyone else can reach this server.");
        }
        out.println("  try: " + credential.environment() + " aws chime list-accounts --region us-east-1 --endpoint-url "
                + server.url());
        out.flush();
    }

    /** JDBC URLs may carry a password; never print it. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
