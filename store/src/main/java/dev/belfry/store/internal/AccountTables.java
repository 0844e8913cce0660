package dev.belfry.store.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables an account's export file carries (format version 1, D127), in the file's order: parents before children,
 * so an import inserts them as they come and every foreign key holds. Each table's rows are ordered by its primary
 * key, compared as bytes on both databases, so two exports of the same rows are the same bytes. {@code
 * AccountTablesTest} checks that this list is exactly the account-owned tables of {@link TableOwners}.
 */
final class AccountTables {
    /** One table of the file: its name and the columns its rows are ordered by (its primary key). */
    record Table(String name, List<String> orderBy) {}

    static final List<Table> TABLES = List.of(
            new Table("accounts", List.of("account_id")),
            new Table("account_settings", List.of("account_id")),
            new Table("signin_delegate_groups", List.of("account_id", "group_name")),
            new Table("retention_settings", List.of("account_id")),
            new Table("users", List.of("user_id")),
            new Table("user_settings", List.of("user_id")),
            new Table("bots", List.of("bot_id")),
            new Table("bot_events_configurations", List.of("bot_id")),
            new Table("rooms", List.of("room_id")),
            new Table("room_tokens", List.of("account_id", "token")),
            new Table("room_webhooks", List.of("webhook_id")),
            new Table("memberships", List.of("room_id", "member_id")),
            new Table("room_messages", List.of("message_id")),
            new Table("bot_events", List.of("event_id")),
            new Table("audit_events", List.of("event_id")));

    /**
     * Columns that name the tenant: not in the file (an account is imported into the importing credential's tenant,
     * D128), so the same file moves between tenants and exports again to the same bytes.
     */
    static final Map<String, String> TENANT_COLUMNS =
            Map.of("accounts", "aws_account_id", "room_webhooks", "tenant_id", "audit_events", "tenant_id");

    /**
     * Columns that belong to the exporting servers, not to the account: a bot event's delivery claim (which server is
     * sending it, until when, D106). Not in the file; an imported event is unclaimed, free for the new servers.
     */
    static final Map<String, Set<String>> SERVER_COLUMNS = Map.of("bot_events", Set.of("claimed_by", "claim_expires"));

    /** Which ids of the file a column must name (D129): a row may only point into its own account. */
    static final Map<String, Map<String, List<String>>> REFERENCES = Map.of(
            "user_settings",
            Map.of("user_id", List.of("users")),
            "bot_events_configurations",
            Map.of("bot_id", List.of("bots")),
            "room_tokens",
            Map.of("room_id", List.of("rooms")),
            "room_webhooks",
            Map.of("room_id", List.of("rooms")),
            "memberships",
            Map.of("room_id", List.of("rooms"), "member_id", List.of("users", "bots", "room_webhooks")),
            "room_messages",
            Map.of("room_id", List.of("rooms")));

    /** The id column of each table whose ids other tables of the file refer to. */
    static final Map<String, String> ID_COLUMNS =
            Map.of("users", "user_id", "bots", "bot_id", "rooms", "room_id", "room_webhooks", "webhook_id");

    private AccountTables() {}

    /** Whether a column of {@code table} is left out of the file. */
    static boolean omitted(String table, String column) {
        return column.equals(TENANT_COLUMNS.get(table))
                || SERVER_COLUMNS.getOrDefault(table, Set.of()).contains(column);
    }

    /** The WHERE condition selecting the table's rows of the one account bound to its {@code ?}. */
    static String rowsOf(String table) {
        return TableOwners.accountRows(table, "(?)");
    }
}
