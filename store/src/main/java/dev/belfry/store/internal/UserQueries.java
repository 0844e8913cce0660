package dev.belfry.store.internal;

import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.InviteStatus;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users. email_lower is kept beside primary_email so lookups by email ignore case on both databases. */
final class UserQueries {
    private static final String COLUMNS = "user_id, account_id, primary_email, display_name, license_type,"
            + " user_type, registration_status, invitation_status, registered_on, invited_on, created_at, personal_pin";

    /**
     * COLUMNS plus the user's PrimaryProvisionedNumber, read from the phone number inventory (D67): the one place
     * the association is kept, so it cannot disagree with the number's own Associations.
     */
    private static final String SELECTED = COLUMNS
            + ", (SELECT p.e164 FROM phone_numbers p WHERE p.user_id = users.user_id) AS primary_provisioned_number";

    private final Sql sql;

    UserQueries(Sql sql) {
        this.sql = sql;
    }

    void insert(User u) {
        sql.update(
                "INSERT INTO users (" + COLUMNS + ", email_lower) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.userId(),
                u.accountId(),
                u.primaryEmail(),
                u.displayName(),
                u.licenseType(),
                u.userType(),
                u.registrationStatus(),
                u.invitationStatus(),
                u.registeredOn(),
                u.invitedOn(),
                u.createdAt(),
                u.personalPin(),
                lower(u.primaryEmail()));
    }

    void update(User u) {
        sql.update(
                "UPDATE users SET primary_email = ?, email_lower = ?, display_name = ?, license_type = ?,"
                        + " user_type = ?, registration_status = ?, invitation_status = ?, registered_on = ?, invited_on = ?,"
                        + " personal_pin = ? WHERE user_id = ?",
                u.primaryEmail(),
                lower(u.primaryEmail()),
                u.displayName(),
                u.licenseType(),
                u.userType(),
                u.registrationStatus(),
                u.invitationStatus(),
                u.registeredOn(),
                u.invitedOn(),
                u.personalPin(),
                u.userId());
    }

    Optional<User> get(String accountId, String userId) {
        return sql.one(
                "SELECT " + SELECTED + " FROM users WHERE account_id = ? AND user_id = ?",
                UserQueries::map,
                accountId,
                userId);
    }

    Optional<User> byEmail(String tenantId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return sql.one(
                "SELECT " + SELECTED + " FROM users WHERE email_lower = ? AND account_id IN"
                        + " (SELECT account_id FROM accounts WHERE aws_account_id = ?)"
                        + " ORDER BY created_at, user_id LIMIT 1",
                UserQueries::map,
                lower(email),
                tenantId);
    }

    List<User> list(String accountId, String email, UserType type, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(accountId));
        String where = " WHERE account_id = ?";
        if (email != null) {
            where += " AND email_lower = ?";
            params.add(lower(email));
        }
        if (type != null) {
            where += " AND user_type = ?";
            params.add(type.name());
        }
        where += Sql.after("created_at", "user_id", after, params);
        params.add(limit);
        return sql.list(
                "SELECT " + SELECTED + " FROM users" + where + " ORDER BY created_at, user_id LIMIT ?",
                UserQueries::map,
                params);
    }

    long count(String accountId, RegistrationStatus status) {
        return status == null
                ? sql.count("SELECT COUNT(*) FROM users WHERE account_id = ?", List.of(accountId))
                : sql.count(
                        "SELECT COUNT(*) FROM users WHERE account_id = ? AND registration_status = ?",
                        List.of(accountId, status.name()));
    }

    static String lower(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getString("user_id"),
                rs.getString("account_id"),
                rs.getString("primary_email"),
                rs.getString("display_name"),
                Rows.enumOf(License.class, rs, "license_type"),
                Rows.enumOf(UserType.class, rs, "user_type"),
                Rows.enumOf(RegistrationStatus.class, rs, "registration_status"),
                Rows.enumOf(InviteStatus.class, rs, "invitation_status"),
                Rows.instant(rs, "registered_on"),
                Rows.instant(rs, "invited_on"),
                Rows.instant(rs, "created_at"),
                rs.getString("personal_pin"),
                rs.getString("primary_provisioned_number"));
    }
}
