package dev.belfry.rooms;

import dev.belfry.rooms.Enums.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds members to one locked room inside the caller's transaction: one locking lookup of all members (with
 * their room counts and memberships in the room), then one insert (and one update for members already
 * there). Shared by the single and batch calls so both follow exactly the same rules.
 */
public final class BatchAdd {
    public static final int MAX_ITEMS = 50;

    /** One requested member; both fields may be null as the model allows. */
    public record Item(String memberId, Role role) {}

    /** The result of one item: a membership, or a failure (with the item's MemberId, null when it had none). */
    public record Outcome(String memberId, Membership membership, Failure failure, String message) {
        static Outcome failed(String memberId, Failure failure, String message) {
            return new Outcome(memberId, null, failure, message);
        }
    }

    private final DomainContext ctx;
    private final StoreTransaction tx;
    private final Caller caller;
    private final Room room;
    private final String operation;

    /** @param operation the API operation adding, named in the audit trail (D83) */
    BatchAdd(DomainContext ctx, StoreTransaction tx, Caller caller, Room room, String operation) {
        this.ctx = ctx;
        this.tx = tx;
        this.caller = caller;
        this.room = room;
        this.operation = operation;
    }

    /** Whole-request checks (D13): nothing is applied when one fails. */
    static void validate(List<Item> items) {
        if (items == null) {
            throw DomainException.badRequest("MembershipItemList is required.");
        }
        if (items.size() > MAX_ITEMS) {
            throw DomainException.badRequest(
                    "MembershipItemList can hold at most " + MAX_ITEMS + " items; it has " + items.size() + ".");
        }
        for (Item item : items) {
            if (item.memberId() != null && item.memberId().isBlank()) {
                throw DomainException.badRequest("A MemberId in MembershipItemList is blank.");
            }
        }
    }

    List<Outcome> apply(List<Item> items) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(i -> {
            if (i.memberId() != null) {
                ids.add(i.memberId());
            }
        });
        // Locked before their rooms are counted: other rooms' locks do not cover a member joining two rooms at once.
        Map<String, StoreTransaction.Candidate> members =
                ids.isEmpty() ? Map.of() : tx.lockMembers(room.accountId(), room.roomId(), ids);
        Map<String, Membership> stored = new LinkedHashMap<>();
        members.forEach((id, c) -> {
            if (c.inRoom() != null) {
                stored.put(id, c.inRoom());
            }
        });
        Map<String, Membership> current = new LinkedHashMap<>(stored);
        long size = tx.countMemberships(room.roomId());
        Instant now = ctx.now();
        // by member: a member listed twice is written once, with the later item's role (the earlier one's addedAt)
        Map<String, Membership> inserts = new LinkedHashMap<>();
        Map<String, Membership> updates = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (Item item : items) {
            Outcome outcome = decide(item, members, current, size, now);
            Membership m = outcome.membership();
            if (m != null) {
                if (!current.containsKey(item.memberId())) {
                    size++;
                }
                current.put(item.memberId(), m);
                if (!stored.containsKey(item.memberId())) {
                    inserts.put(item.memberId(), m);
                } else {
                    updates.put(item.memberId(), m);
                }
            }
            outcomes.add(outcome);
        }
        if (!inserts.isEmpty()) {
            tx.insertMemberships(List.copyOf(inserts.values()));
            BotEventOutbox.invited(ctx, tx, caller, room, List.copyOf(inserts.values()));
        }
        if (!updates.isEmpty()) {
            tx.updateMemberships(List.copyOf(updates.values()));
        }
        audit(outcomes, stored, now);
        return outcomes;
    }

    /**
     * One audit event per item that succeeded, in input order, the role before being what the member had just
     * before that item (an earlier item of the same batch included): replaying the events gives the final roles.
     */
    private void audit(List<Outcome> outcomes, Map<String, Membership> stored, Instant now) {
        AuditTrail trail = new AuditTrail(tx, caller, operation, now);
        Map<String, Role> roles = new LinkedHashMap<>();
        stored.forEach((id, m) -> roles.put(id, m.role()));
        for (Outcome outcome : outcomes) {
            Membership m = outcome.membership();
            if (m != null) {
                trail.changed(room.accountId(), room.roomId(), m.member(), roles.get(m.memberId()), m.role());
                roles.put(m.memberId(), m.role());
            }
        }
        trail.write();
    }

    private Outcome decide(
            Item item,
            Map<String, StoreTransaction.Candidate> members,
            Map<String, Membership> current,
            long size,
            Instant now) {
        String id = item.memberId();
        if (id == null) {
            return Outcome.failed(null, Failure.BAD_REQUEST, "A membership item has no MemberId.");
        }
        StoreTransaction.Candidate candidate = members.get(id);
        if (candidate == null) {
            return Outcome.failed(
                    id,
                    Failure.NOT_FOUND,
                    "The member " + id + " was not found in the account " + room.accountId() + ".");
        }
        Member member = candidate.member();
        if (member.blocked() != null) {
            return Outcome.failed(
                    id, Failure.FORBIDDEN, "The member " + id + " cannot be added: " + member.blocked() + ".");
        }
        Membership existing = current.get(id);
        if (existing != null) {
            Role role = item.role() == null ? existing.role() : item.role();
            return new Outcome(
                    id,
                    new Membership(room.roomId(), member, role, caller.principalArn(), existing.addedAt(), now),
                    null,
                    null);
        }
        // Chime: a bot whose outbound endpoint is not configured cannot be added to a room (D114)
        // by its bot id: a batch may name a bot by its UserId (D22)
        if (member.type() == Enums.MemberType.Bot
                && tx.eventsConfiguration(member.memberId()).isEmpty()) {
            return Outcome.failed(
                    id,
                    Failure.BAD_REQUEST,
                    "The bot " + member.memberId()
                            + " has no events configuration; give it an OutboundEventsHTTPSEndpoint or a"
                            + " LambdaFunctionArn with PutEventsConfiguration before adding it to a room.");
        }
        if (size >= ctx.limits().membersPerRoom()) {
            return Outcome.failed(
                    id,
                    Failure.LIMIT_EXCEEDED,
                    "The room " + room.roomId() + " already has the maximum of "
                            + ctx.limits().membersPerRoom() + " members.");
        }
        if (candidate.rooms() >= ctx.limits().roomsPerMember()) {
            return Outcome.failed(
                    id,
                    Failure.LIMIT_EXCEEDED,
                    "The member " + id + " is already in the maximum of "
                            + ctx.limits().roomsPerMember() + " rooms.");
        }
        Role role = item.role() == null ? Role.Member : item.role();
        return new Outcome(
                id, new Membership(room.roomId(), member, role, caller.principalArn(), now, now), null, null);
    }
}
