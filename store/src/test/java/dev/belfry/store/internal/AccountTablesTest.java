package dev.belfry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belfry.store.StoreConfig;
import dev.belfry.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account export file's tables and columns are format version 1's (D127): every account-owned table is in it,
 * and a migration that changes an account table's columns fails here until the format's version and its
 * documentation (docs/OPERATIONS.md, "Moving one account") change with it.
 */
final class AccountTablesTest {
    @TempDir
    Path temp;

    @Test
    void theFileCarriesEveryAccountOwnedTable() {
        Set<String> inFile =
                AccountTables.TABLES.stream().map(AccountTables.Table::name).collect(Collectors.toSet());
        Set<String> accountOwned = TableOwners.known().stream()
                .filter(t -> TableOwners.owner(t) == TableOwners.Owner.ACCOUNT)
                .collect(Collectors.toSet());
        assertThat(inFile).isEqualTo(accountOwned).hasSize(AccountTables.TABLES.size());
    }

    @Test
    void formatVersionOneHasTheseColumns() throws Exception {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (JdbcRoomStore store = (JdbcRoomStore) Stores.open(StoreConfig.sqlite(temp));
                Connection c = store.readDataSource().getConnection()) {
            for (AccountTables.Table t : AccountTables.TABLES) {
                columns.put(
                        t.name(),
                        ArchiveColumns.inFile(c, t.name()).stream()
                                .map(col -> col.name() + ":" + col.kind())
                                .toList());
            }
        }
        assertThat(AccountExporter.FORMAT_VERSION).isEqualTo(1);
        assertThat(columns)
                .containsExactly(
                        Map.entry(
                                "accounts",
                                List.of(
                                        "account_id:TEXT",
                                        "name:TEXT",
                                        "account_type:TEXT",
                                        "status:TEXT",
                                        "default_license:TEXT",
                                        "supported_licenses:TEXT",
                                        "created_at:NUMBER")),
                        Map.entry(
                                "account_settings",
                                List.of(
                                        "account_id:TEXT",
                                        "disable_remote_control:BOOLEAN",
                                        "enable_dial_out:BOOLEAN")),
                        Map.entry(
                                "signin_delegate_groups",
                                List.of("account_id:TEXT", "group_name:TEXT", "associated_at:NUMBER")),
                        Map.entry(
                                "retention_settings",
                                List.of(
                                        "account_id:TEXT",
                                        "room_days:NUMBER",
                                        "conversation_days:NUMBER",
                                        "set_at:NUMBER")),
                        Map.entry(
                                "users",
                                List.of(
                                        "user_id:TEXT",
                                        "account_id:TEXT",
                                        "primary_email:TEXT",
                                        "email_lower:TEXT",
                                        "display_name:TEXT",
                                        "license_type:TEXT",
                                        "user_type:TEXT",
                                        "registration_status:TEXT",
                                        "invitation_status:TEXT",
                                        "registered_on:NUMBER",
                                        "invited_on:NUMBER",
                                        "created_at:NUMBER",
                                        "room_count:NUMBER",
                                        "personal_pin:TEXT",
                                        "logged_out_at:NUMBER")),
                        Map.entry(
                                "user_settings",
                                List.of(
                                        "user_id:TEXT",
                                        "inbound_calling:BOOLEAN",
                                        "outbound_calling:BOOLEAN",
                                        "sms:BOOLEAN")),
                        Map.entry(
                                "bots",
                                List.of(
                                        "bot_id:TEXT",
                                        "account_id:TEXT",
                                        "display_name:TEXT",
                                        "disabled:BOOLEAN",
                                        "created_at:NUMBER",
                                        "updated_at:NUMBER",
                                        "bot_email:TEXT",
                                        "security_token:TEXT",
                                        "room_count:NUMBER")),
                        Map.entry(
                                "bot_events_configurations",
                                List.of(
                                        "bot_id:TEXT",
                                        "account_id:TEXT",
                                        "https_endpoint:TEXT",
                                        "lambda_function_arn:TEXT",
                                        "updated_at:NUMBER")),
                        Map.entry(
                                "rooms",
                                List.of(
                                        "room_id:TEXT",
                                        "account_id:TEXT",
                                        "name:TEXT",
                                        "created_by:TEXT",
                                        "created_at:NUMBER",
                                        "updated_at:NUMBER",
                                        "member_count:NUMBER")),
                        Map.entry(
                                "room_tokens",
                                List.of(
                                        "account_id:TEXT",
                                        "token:TEXT",
                                        "room_id:TEXT",
                                        "name:TEXT",
                                        "created_at:NUMBER")),
                        Map.entry(
                                "room_webhooks",
                                List.of(
                                        "webhook_id:TEXT",
                                        "account_id:TEXT",
                                        "room_id:TEXT",
                                        "name:TEXT",
                                        "token_sha256:TEXT",
                                        "created_by:TEXT",
                                        "created_at:NUMBER",
                                        "last_post_at:NUMBER")),
                        Map.entry(
                                "memberships",
                                List.of(
                                        "room_id:TEXT",
                                        "member_id:TEXT",
                                        "member_type:TEXT",
                                        "role:TEXT",
                                        "invited_by:TEXT",
                                        "added_at:NUMBER",
                                        "updated_at:NUMBER")),
                        Map.entry(
                                "room_messages",
                                List.of(
                                        "message_id:TEXT",
                                        "account_id:TEXT",
                                        "room_id:TEXT",
                                        "sender_id:TEXT",
                                        "sender_type:TEXT",
                                        "sender_name:TEXT",
                                        "content:TEXT",
                                        "created_at:NUMBER",
                                        "redacted_at:NUMBER")),
                        Map.entry(
                                "bot_events",
                                List.of(
                                        "event_id:TEXT",
                                        "account_id:TEXT",
                                        "bot_id:TEXT",
                                        "room_id:TEXT",
                                        "seq:NUMBER",
                                        "event_type:TEXT",
                                        "sender_id:TEXT",
                                        "message:TEXT",
                                        "created_at:NUMBER",
                                        "status:TEXT",
                                        "attempts:NUMBER",
                                        "next_attempt_at:NUMBER",
                                        "last_error:TEXT",
                                        "finished_at:NUMBER",
                                        "retry_from:NUMBER")),
                        Map.entry(
                                "audit_events",
                                List.of(
                                        "event_id:TEXT",
                                        "occurred_at:NUMBER",
                                        "account_id:TEXT",
                                        "room_id:TEXT",
                                        "member_id:TEXT",
                                        "member_type:TEXT",
                                        "role_before:TEXT",
                                        "role_after:TEXT",
                                        "operation:TEXT",
                                        "principal_arn:TEXT",
                                        "access_key_id:TEXT",
                                        "request_id:TEXT",
                                        "source_ip:TEXT")));
    }
}
