package dev.belfry.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.it.support.Databases;
import dev.belfry.it.support.ServerProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.chime.ChimeClient;
import software.amazon.awssdk.services.chime.model.AccountType;
import software.amazon.awssdk.services.chime.model.MemberError;
import software.amazon.awssdk.services.chime.model.MembershipItem;
import software.amazon.awssdk.services.chime.model.UserType;

/**
 * How {@code belfry serve} is pointed at PostgreSQL: a config file, the environment and the command line
 * (in that order of strength), and one clear line with a non-zero exit when the database cannot be used.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeSettingsIT {
    @BeforeAll
    static void jar() throws Exception {}

    @Test
    void configFileEnvironmentAndCommandLineLayerInThatOrder() throws Exception {
        String url = Databases.freshPostgresUrl();
        Path dir = Databases.tempDir("belfry-config");
        Path config = dir.resolve("belfry.properties");
        // the file names the database, an account type, a limit of 5, and port 1 (which would fail if it beat --port)
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "# Belfry on PostgreSQL",
                        "db = " + url,
                        "port = 1",
                        "create-account-type = Team",
                        "max-members-per-room = 5",
                        "access-log = false",
                        ""));
        // environment: limit 3 (beats the file's 5) and Team (loses to the command line's EnterpriseLWA)
        try (ServerProcess server = ServerProcess.start(
                        List.of("--config", config.toString(), "--create-account-type", "EnterpriseLWA"),
                        Map.of(
                                "BELFRY_MAX_MEMBERS_PER_ROOM",
                                "3",
                                "BELFRY_CREATE_ACCOUNT_TYPE",
                                "Team",
                                "BELFRY_DB",
                                ""));
                ChimeClient chime = PgServers.client(server.url())) {
            assertThat(server.output()).contains("database:   jdbc:postgresql://127.0.0.1:5432/test");
            String account =
                    chime.createAccount(r -> r.name("configured")).account().accountId();
            assertThat(chime.getAccount(r -> r.accountId(account)).account().accountType())
                    .isEqualTo(AccountType.ENTERPRISE_LWA);
            List<MembershipItem> items = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                items.add(MembershipItem.builder()
                        .memberId(chime.createUser(r -> r.accountId(account)
                                        .username("c" + n)
                                        .email("c" + n + "@example.com")
                                        .userType(UserType.PRIVATE_USER))
                                .user()
                                .userId())
                        .build());
            }
            String room = chime.createRoom(r -> r.accountId(account).name("small"))
                    .room()
                    .roomId();
            List<MemberError> errors = chime.batchCreateRoomMembership(
                            r -> r.accountId(account).roomId(room).membershipItemList(items))
                    .errors();
            // the environment's 3 beat the file's 5
            assertThat(errors).extracting(MemberError::errorCodeAsString).containsExactly("ResourceLimitExceeded");
            assertThat(server.output()).doesNotContain("POST /accounts"); // access-log=false from the file
        }
        // the data really is in that schema
        try (var c = PgServers.sql(url)) {
            assertThat(PgServers.count(c, "SELECT COUNT(*) FROM memberships")).isEqualTo(3);
        }
    }

    @Test
    void unusableDatabasesAndSettingsFailWithOneLine() throws Exception {
        assertOneLineFailure(
                List.of("--db", "jdbc:postgresql://127.0.0.1:1/x?connectTimeout=2"),
                Map.of(),
                "cannot connect to PostgreSQL at 127.0.0.1:1/x");
        // PostgreSQL refuses an unknown role even under trust authentication (a wrong password would pass there)
        assertOneLineFailure(
                List.of("--db", "jdbc:postgresql://127.0.0.1:5432/test?user=belfry_no_such_role"),
                Map.of(),
                "cannot log in to PostgreSQL");
        assertOneLineFailure(
                List.of(),
                Map.of("BELFRY_DB", "jdbc:postgresql://127.0.0.1:5432/no_such_db?user=postgres"),
                "database \"no_such_db\" does not exist");
        String newer = Databases.freshPostgresUrl();
        try (ServerProcess first = PgServers.serve(newer)) {
            assertThat(first.output()).contains("serving");
        }
        try (var c = PgServers.sql(newer);
                var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 0, 'postgres', 1, true)");
        }
        assertOneLineFailure(
                List.of("--db", newer), Map.of(), "the database schema is at version 999, newer than this");
        Path bad = Files.writeString(Databases.tempDir("belfry-config").resolve("bad.properties"), "databse = x\n");
        assertOneLineFailure(List.of("--config", bad.toString()), Map.of(), "unknown setting 'databse'");
    }

    private static void assertOneLineFailure(List<String> args, Map<String, String> env, String expected)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar",
                ServerProcess.jar().toString(),
                "serve",
                "--port",
                "0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BELFRY_DB");
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = ServerProcess.readAll(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out.strip())
                .as("one line")
                .doesNotContain("\n")
                .startsWith("belfry serve: ")
                .contains(expected);
    }
}
