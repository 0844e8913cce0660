package dev.belfry.rooms;

import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.Role;
import java.util.List;

/**
 * Room memberships: CreateRoomMembership, BatchCreateRoomMembership, ListRoomMemberships,
 * UpdateRoomMembership, DeleteRoomMembership. Every write locks the room first, so the member limit
 * holds however requests interleave across servers.
 */
public final class MembershipService {
    private final DomainContext ctx;

    public MembershipService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /** CreateRoomMembership: adding someone already in the room is an upsert (D8); Role defaults to Member (D14). */
    public Membership add(Caller caller, String accountId, String roomId, String memberId, Role role) {
        if (!Text.hasNonSpace(memberId)) {
            throw DomainException.badRequest("MemberId must contain at least one non-space character.");
        }
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Room room = tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            BatchAdd batch = new BatchAdd(ctx, tx, caller, room, "CreateRoomMembership");
            BatchAdd.Outcome outcome =
                    batch.apply(List.of(new BatchAdd.Item(memberId, role))).get(0);
            if (outcome.failure() != null) {
                throw new DomainException(outcome.failure(), outcome.message());
            }
            return outcome.membership();
        });
    }

    /**
     * BatchCreateRoomMembership (D8–D14): the whole request is validated before anything is applied;
     * per-member failures come back in input order; all successes are written in one statement of one
     * transaction.
     */
    public List<BatchAdd.Outcome> addAll(Caller caller, String accountId, String roomId, List<BatchAdd.Item> items) {
        BatchAdd.validate(items);
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Room room = tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            return new BatchAdd(ctx, tx, caller, room, "BatchCreateRoomMembership").apply(items);
        });
    }

    public Page<Membership> list(Caller caller, String accountId, String roomId, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, 99, 99);
        String scope = "memberships:" + roomId;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            List<Membership> rows = tx.memberships(roomId, after, size + 1);
            return Paging.page(rows, size, ctx.tokens(), scope, m -> m.addedAt().toEpochMilli(), Membership::memberId);
        });
    }

    /** UpdateRoomMembership: users only (D15); without a Role nothing changes. */
    public Membership update(Caller caller, String accountId, String roomId, String memberId, Role role) {
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Room room = tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            Membership current =
                    tx.memberships(room.roomId(), List.of(memberId)).get(memberId);
            if (current == null) {
                throw DomainException.notFound("room member", memberId);
            }
            if (current.member().type() != MemberType.User) {
                throw DomainException.badRequest("Only the role of a user member can change; " + memberId + " is a "
                        + current.member().type() + ".");
            }
            if (role == null || role == current.role()) {
                return current;
            }
            Membership updated =
                    new Membership(roomId, current.member(), role, current.invitedBy(), current.addedAt(), ctx.now());
            tx.updateMemberships(List.of(updated));
            new AuditTrail(tx, caller, "UpdateRoomMembership", updated.updatedAt())
                    .changed(accountId, roomId, current.member(), current.role(), role)
                    .write();
            return updated;
        });
    }

    public void remove(Caller caller, String accountId, String roomId, String memberId) {
        ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            Membership current = tx.memberships(roomId, List.of(memberId)).get(memberId);
            // a webhook's roster entry goes with the webhook itself (D72)
            if (!tx.messages().deleteWebhook(roomId, memberId) && !tx.deleteMembership(roomId, memberId)) {
                throw DomainException.notFound("room member", memberId);
            }
            if (current != null) { // a row that vanished under a racing delete would not have been deleted here
                new AuditTrail(tx, caller, "DeleteRoomMembership", ctx.now())
                        .changed(accountId, roomId, current.member(), current.role(), null)
                        .write();
                if (current.member().type() == MemberType.Bot) {
                    BotEventOutbox.removed(ctx, tx, caller, accountId, roomId, List.of(memberId));
                }
            }
            return null;
        });
    }
}
