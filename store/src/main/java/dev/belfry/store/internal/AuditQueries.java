package dev.belfry.store.internal;

import dev.belfry.rooms.AuditEvent;
import dev.belfry.rooms.AuditFilter;
import dev.belfry.rooms.AuditTransaction;
import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail (table audit_events, schema V9): multi-row inserts, filtered keyset listing, age deletes. */
final class AuditQueries implements AuditTransaction {
    private static final String COLUMNS =
            "event_id, occurred_at, tenant_id, account_id, room_id, member_id, member_type,"
                    + " role_before, role_after, operation, principal_arn, access_key_id, request_id, source_ip";
    private static final int PER_ROW = 14;
    /** Rows per INSERT: 14 parameters each stays below SQLite's 32,766 and PostgreSQL's 65,535. */
    static final int ROWS_PER_STATEMENT = 200;

    private final Sql sql;

    AuditQueries(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(List<AuditEvent> events) {
        List<Sql.Update> inserts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<AuditEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            String row = "(" + Sql.marks(PER_ROW) + ")";
            List<Object> params = new ArrayList<>(chunk.size() * PER_ROW);
            for (AuditEvent e : chunk) {
                params.add(e.eventId());
                params.add(e.at().toEpochMilli());
                params.add(e.tenantId());
                params.add(e.accountId());
                params.add(e.roomId());
                params.add(e.memberId());
                params.add(e.memberType().name());
                params.add(e.roleBefore() == null ? null : e.roleBefore().name());
                params.add(e.roleAfter() == null ? null : e.roleAfter().name());
                params.add(e.operation());
                params.add(e.principalArn());
                params.add(e.accessKeyId());
                params.add(e.requestId());
                params.add(e.sourceIp());
            }
            inserts.add(new Sql.Update(
                    "INSERT INTO audit_events (" + COLUMNS + ") VALUES "
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)),
                    params));
        }
        sql.updates(inserts);
    }

    @Override
    public List<AuditEvent> events(AuditFilter f, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(f.tenantId()));
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        equal(where, params, "account_id", f.accountId());
        equal(where, params, "room_id", f.roomId());
        equal(where, params, "member_id", f.memberId());
        if (f.actor() != null) {
            where.append(" AND (principal_arn = ? OR access_key_id = ?)");
            params.add(f.actor());
            params.add(f.actor());
        }
        if (f.since() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(f.since().toEpochMilli());
        }
        if (f.until() != null) {
            where.append(" AND occurred_at < ?");
            params.add(f.until().toEpochMilli());
        }
        if (after != null) { // a row value, so both databases seek in the (…, occurred_at, event_id) indexes
            where.append(" AND (occurred_at, event_id) > (?, ?)");
            params.add(after.sortKey());
            params.add(after.id());
        }
        params.add(limit);
        return sql.list(
                "SELECT " + COLUMNS + " FROM audit_events" + where + " ORDER BY occurred_at, event_id LIMIT ?",
                AuditQueries::map,
                params);
    }

    private static void equal(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        // a sub-select with LIMIT: DELETE … LIMIT is not portable
        return sql.update(
                "DELETE FROM audit_events WHERE event_id IN (SELECT event_id FROM audit_events WHERE occurred_at < ? LIMIT ?)",
                before.toEpochMilli(),
                limit);
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getString("event_id"),
                Rows.instant(rs, "occurred_at"),
                rs.getString("tenant_id"),
                rs.getString("account_id"),
                rs.getString("room_id"),
                rs.getString("member_id"),
                Rows.enumOf(MemberType.class, rs, "member_type"),
                Rows.enumOf(Role.class, rs, "role_before"),
                Rows.enumOf(Role.class, rs, "role_after"),
                rs.getString("operation"),
                rs.getString("principal_arn"),
                rs.getString("access_key_id"),
                rs.getString("request_id"),
                rs.getString("source_ip"));
    }
}
