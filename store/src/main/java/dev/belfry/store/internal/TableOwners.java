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

    /** Each account-owned table's rows of the accounts {@code %s} selects (a parenthesised list or sub-query). */
    private static final Map<String, String> ACCOUNT_ROWS = new LinkedHashMap<>();

    /** Each tenant-owned table's rows of the tenant bound to the one {@code ?}. */
    private static final Map<String, String> TENANT_ROWS = new LinkedHashMap<>();

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
            ACCOUNT_ROWS.put(t, "account_id IN %s");
        }
        ACCOUNT_ROWS.put("memberships", "room_id IN (SELECT room_id FROM rooms WHERE account_id IN %s)");
        ACCOUNT_ROWS.put("user_settings", "user_id IN (SELECT user_id FROM users WHERE account_id IN %s)");
        for (String t : List.of("phone_number_tenants", "phone_numbers", "phone_number_orders", "global_settings")) {
            TENANT_ROWS.put(t, "aws_account_id = ?");
        }
        TENANT_ROWS.put(
                "phone_number_order_numbers",
                "order_id IN (SELECT order_id FROM phone_number_orders WHERE aws_account_id = ?)");
    }

    private TableOwners() {}

    public static Owner owner(String table) {
        if (ACCOUNT_ROWS.containsKey(table)) {
            return Owner.ACCOUNT;
        }
        if (TENANT_ROWS.containsKey(table)) {
            return Owner.TENANT;
        }
        if (SERVER_WIDE.contains(table)) {
            return Owner.SERVER;
        }
        throw new IllegalArgumentException("table " + table + " has no owner in TableOwners");
    }

    /** Every table this class knows, in no particular order. */
    public static List<String> known() {
        List<String> all = new java.util.ArrayList<>(ACCOUNT_ROWS.keySet());
        all.addAll(TENANT_ROWS.keySet());
        all.addAll(SERVER_WIDE);
        return all;
    }

    /** A WHERE condition selecting an account-owned table's rows of the accounts {@code accounts} selects. */
    static String accountRows(String table, String accounts) {
        return ACCOUNT_ROWS.get(table).formatted(accounts);
    }

    /** A WHERE condition selecting a tenant-owned table's rows of the tenant bound to its one parameter. */
    static String tenantRows(String table) {
        return TENANT_ROWS.get(table);
    }
}
