package dev.belfry.rooms;

import dev.belfry.rooms.Enums.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects one transaction's membership changes and writes them as audit events (D83) in that transaction. Events
 * of one transaction share a time and an id prefix numbered in the order of the changes, so a listing shows a
 * batch in its input order.
 */
final class AuditTrail {
    /** Memberships read per page when a room or an account goes with everyone in it. */
    private static final int PAGE = 1_000;

    private final StoreTransaction tx;
    private final Caller caller;
    private final String operation;
    private final Instant at;
    /**
     * Transactions of one server that share a millisecond list in the order they ran: the listing sorts by time,
     * then id, so the id starts with this server's count of trails (a random id alone ordered such ties at random).
     */
    private static final AtomicLong TRAILS = new AtomicLong();

    private final String prefix = String.format("%012d-%s", TRAILS.incrementAndGet(), Ids.newId());
    private final List<AuditEvent> events = new ArrayList<>();

    AuditTrail(StoreTransaction tx, Caller caller, String operation, Instant at) {
        this.tx = tx;
        this.caller = caller;
        this.operation = operation;
        this.at = at;
    }

    AuditTrail changed(String accountId, String roomId, Member member, Role before, Role after) {
        events.add(new AuditEvent(
                prefix + "-" + String.format("%06d", events.size()),
                at,
                caller.tenantId(),
                accountId,
                roomId,
                member.memberId(),
                member.type(),
                before,
                after,
                operation,
                caller.principalArn(),
                caller.accessKeyId(),
                caller.requestId(),
                caller.sourceIp()));
        return this;
    }

    /** Records that every member of the room leaves it (the room is about to be deleted). */
    AuditTrail everyoneLeaves(String accountId, String roomId) {
        Cursor after = null;
        List<Membership> page;
        do {
            page = tx.memberships(roomId, after, PAGE);
            for (Membership m : page) {
                changed(accountId, roomId, m.member(), m.role(), null);
            }
            if (!page.isEmpty()) {
                Membership last = page.get(page.size() - 1);
                after = new Cursor(last.addedAt().toEpochMilli(), last.memberId());
            }
        } while (page.size() == PAGE);
        return this;
    }

    /** Records that every member of every room of the account leaves it (the account is about to be deleted). */
    AuditTrail everyoneLeavesAccount(String accountId) {
        Cursor after = null;
        List<Room> page;
        do {
            page = tx.rooms(accountId, null, after, PAGE);
            for (Room room : page) {
                everyoneLeaves(accountId, room.roomId());
            }
            if (!page.isEmpty()) {
                Room last = page.get(page.size() - 1);
                after = new Cursor(last.createdAt().toEpochMilli(), last.roomId());
            }
        } while (page.size() == PAGE);
        return this;
    }

    /** Writes what was collected, in one statement per chunk; nothing when nothing changed. */
    void write() {
        if (!events.isEmpty()) {
            tx.audit().record(List.copyOf(events));
            events.clear();
        }
    }
}
