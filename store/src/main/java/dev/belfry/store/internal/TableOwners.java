package dev.belfry.store.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose rows each table holds, so a reset of one account or one tenant (D91) and an account's export (D127) know
 * which rows to take. Every table of the schema is listed here, and {@code TableOwnersTest} fails when a migration
 * adds one that is not: a new table cannot be forgotten by reset, snapshots or export.
 */
public final class TableOwners {
    /** The owner of a table's rows. */
    public enum Owner {
        /** Rows of one account; {@link #accountRows} says which. */
        ACCOUNT,
        /** Rows of one tenant (an AWS account id) outside any Chime account: phone numbers, global settings. */
        TENANT,
        /** Shared by every tenant and every server on the database (secrets, leases): never reset nor exported. */
        SERVER
    }

    /**
     * How a table's rows belong to their owner: by their own {@code column} holding the owner's id (parent null), or
     * through {@code column} naming a row of {@code parent} that does. One description serves both the SQL conditions
     * (reset, export) and the filter a scoped restore applies to a snapshot's rows in memory (D99).
     */
    public record Link(String column, String parent) {}

    /** Each account-owned table's link to its account (the id in {@code account_id}). */
    private static final Map<String, Link> ACCOUNT_LINKS = new LinkedHashMap<>();

    /** Each tenant-owned table's link to its tenant (the AWS account id in {@code aws_account_id}). */
    private static final Map<String, Link> TENANT_LINKS = new LinkedHashMap<>();

    private static final List<String> SERVER_WIDE = List.of("settings", "job_leases");

    static {
        for (String t : List.of(
                "accounts",
                "users",
                "bots",
                "bot_events_configurations",
                "rooms",
                "room_tokens",
                "room_webhooks",
                "room_messages",
                "account_settings",
                "signin_delegate_groups",
                "retention_settings",
                "bot_events", // issue 15 (V8): the account's bots' events, pending or done
                "audit_events")) { // issue 16 (V9): the audit trail of the account's rooms
            ACCOUNT_LINKS.put(t, new Link("account_id", null));
        }
        ACCOUNT_LINKS.put("memberships", new Link("room_id", "rooms"));
        ACCOUNT_LINKS.put("user_settings", new Link("user_id", "users"));
        for (String t : List.of("phone_number_tenants", "phone_numbers", "phone_number_orders", "global_settings")) {
            TENANT_LINKS.put(t, new Link("aws_account_id", null));
        }
        TENANT_LINKS.put("phone_number_order_numbers", new Link("order_id", "phone_number_orders"));
    }

    private TableOwners() {}

    public static Owner owner(String table) {
        if (ACCOUNT_LINKS.containsKey(table)) {
            return Owner.ACCOUNT;
        }
        if (TENANT_LINKS.containsKey(table)) {
            return Owner.TENANT;
        }
        if (SERVER_WIDE.contains(table)) {
            return Owner.SERVER;
        }
        throw new IllegalArgumentException("table " + table + " has no owner in TableOwners");
    }

    /** Every table this class knows, in no particular order. */
    public static List<String> known() {
        List<String> all = new java.util.ArrayList<>(ACCOUNT_LINKS.keySet());
        all.addAll(TENANT_LINKS.keySet());
        all.addAll(SERVER_WIDE);
        return all;
    }

    /** A WHERE condition selecting an account-owned table's rows of the accounts {@code accounts} selects. */
    static String accountRows(String table, String accounts) {
        Link link = ACCOUNT_LINKS.get(table);
        return link.parent() == null
                ? "account_id IN " + accounts
                : link.column() + " IN (SELECT " + link.column() + " FROM " + link.parent() + " WHERE account_id IN "
                        + accounts + ")";
    }

    /** A WHERE condition selecting a tenant-owned table's rows of the tenant bound to its one parameter. */
    static String tenantRows(String table) {
        Link link = TENANT_LINKS.get(table);
        return link.parent() == null
                ? "aws_account_id = ?"
                : link.column() + " IN (SELECT " + link.column() + " FROM " + link.parent()
                        + " WHERE aws_account_id = ?)";
    }

    /** How an account-owned or tenant-owned table's rows reach their owner; null for a server-wide table. */
    static Link link(String table) {
        Link link = ACCOUNT_LINKS.get(table);
        return link != null ? link : TENANT_LINKS.get(table);
    }
}
