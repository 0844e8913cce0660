package dev.belfry.store.internal;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.License;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Accounts. Every read takes the tenant (aws_account_id): one tenant never sees another's accounts. */
final class AccountQueries {
    private static final String COLUMNS = "a.account_id, a.aws_account_id, a.name, a.account_type, a.status,"
            + " a.default_license, a.supported_licenses, a.created_at";

    private final Sql sql;

    AccountQueries(Sql sql) {
        this.sql = sql;
    }

    void insert(Account a) {
        sql.update(
                "INSERT INTO accounts (account_id, aws_account_id, name, account_type, status, default_license,"
                        + " supported_licenses, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                a.accountId(),
                a.awsAccountId(),
                a.name(),
                a.type(),
                a.status(),
                a.defaultLicense(),
                licenses(a.supportedLicenses()),
                a.createdAt());
    }

    void update(Account a) {
        // the tenant and creation time never change
        sql.update(
                "UPDATE accounts SET name = ?, account_type = ?, status = ?, default_license = ?,"
                        + " supported_licenses = ? WHERE account_id = ?",
                a.name(),
                a.type(),
                a.status(),
                a.defaultLicense(),
                licenses(a.supportedLicenses()),
                a.accountId());
    }

    Optional<Account> get(String awsAccountId, String accountId) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM accounts a WHERE a.aws_account_id = ? AND a.account_id = ?",
                AccountQueries::map,
                awsAccountId,
                accountId);
    }

    List<Account> list(String awsAccountId, String namePrefix, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(awsAccountId));
        String where = " WHERE a.aws_account_id = ?";
        if (namePrefix != null && !namePrefix.isEmpty()) {
            // substr counts characters on both databases (LIKE would differ in case rules and need escaping)
            where += " AND substr(a.name, 1, ?) = ?";
            params.add(namePrefix.codePointCount(0, namePrefix.length()));
            params.add(namePrefix);
        }
        where += Sql.after("a.created_at", "a.account_id", after, params);
        params.add(limit);
        return sql.list(
                "SELECT " + COLUMNS + " FROM accounts a" + where + " ORDER BY a.created_at, a.account_id LIMIT ?",
                AccountQueries::map,
                params);
    }

    Optional<Account> ofUserEmail(String awsAccountId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        // email_lower narrows through the index; primary_email keeps the match exact
        return sql.one(
                "SELECT " + COLUMNS + " FROM accounts a JOIN users u ON u.account_id = a.account_id"
                        + " WHERE a.aws_account_id = ? AND u.email_lower = ? AND u.primary_email = ? ORDER BY a.account_id LIMIT 1",
                AccountQueries::map,
                awsAccountId,
                email.toLowerCase(Locale.ROOT),
                email);
    }

    /** Children first, so it works whether or not the database enforces ON DELETE CASCADE. */
    void delete(String accountId) {
        String rooms = "SELECT room_id FROM rooms WHERE account_id = ?";
        // other accounts' rooms lose this account's members: keep their member_count (schema V2) in step
        String ours = "(member_id IN (SELECT user_id FROM users WHERE account_id = ?)"
                + " OR member_id IN (SELECT bot_id FROM bots WHERE account_id = ?))";
        sql.update(
                "UPDATE rooms SET member_count = member_count - (SELECT COUNT(*) FROM memberships"
                        + " WHERE memberships.room_id = rooms.room_id AND " + ours + ") WHERE account_id <> ?"
                        + " AND room_id IN (SELECT room_id FROM memberships WHERE " + ours + ")",
                accountId,
                accountId,
                accountId,
                accountId,
                accountId);
        // other accounts' members lose this account's rooms: keep their room counts (schema V3) in step
        for (String[] t : new String[][] {{"users", "user_id"}, {"bots", "bot_id"}}) {
            sql.update(
                    "UPDATE " + t[0] + " SET room_count = room_count - (SELECT COUNT(*) FROM memberships"
                            + " WHERE memberships.member_id = " + t[0] + "." + t[1] + " AND memberships.room_id IN ("
                            + rooms + "))"
                            + " WHERE account_id <> ? AND " + t[1]
                            + " IN (SELECT member_id FROM memberships WHERE room_id IN (" + rooms
                            + "))",
                    accountId,
                    accountId,
                    accountId);
        }
        sql.update(
                "DELETE FROM memberships WHERE room_id IN (" + rooms + ")"
                        + " OR member_id IN (SELECT user_id FROM users WHERE account_id = ?)"
                        + " OR member_id IN (SELECT bot_id FROM bots WHERE account_id = ?)",
                accountId,
                accountId,
                accountId);
        sql.update("DELETE FROM room_tokens WHERE account_id = ?", accountId);
        sql.update("DELETE FROM rooms WHERE account_id = ?", accountId);
        // its users' phone numbers stay in the tenant's inventory, Unassigned (D67)
        sql.update(
                "UPDATE phone_numbers SET account_id = NULL, user_id = NULL, associated_at = NULL WHERE account_id = ?",
                accountId);
        sql.update("DELETE FROM users WHERE account_id = ?", accountId);
        sql.update("DELETE FROM bots WHERE account_id = ?", accountId);
        sql.update("DELETE FROM accounts WHERE account_id = ?", accountId);
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString("account_id"),
                rs.getString("aws_account_id"),
                rs.getString("name"),
                Rows.enumOf(AccountType.class, rs, "account_type"),
                Rows.enumOf(AccountStatus.class, rs, "status"),
                Rows.enumOf(License.class, rs, "default_license"),
                licenses(rs.getString("supported_licenses")),
                Rows.instant(rs, "created_at"));
    }

    /** Comma-separated names; null stays null, an empty list is ''. */
    private static String licenses(List<License> list) {
        return list == null ? null : list.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<License> licenses(String s) {
        if (s == null) {
            return null;
        }
        return s.isEmpty()
                ? List.of()
                : Arrays.stream(s.split(",")).map(License::valueOf).toList();
    }
}
