package dev.belfry.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Chat rooms: CreateRoom (idempotent on ClientRequestToken), GetRoom, ListRooms, UpdateRoom, DeleteRoom. */
public final class RoomService {
    static final int NAME_MAX = 256;
    /** How long a ClientRequestToken is remembered (D5). */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final DomainContext ctx;

    public RoomService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /**
     * CreateRoom. The same token with the same Name answers the room it created; with another Name it is a
     * BadRequest (D5). The creator is not made a member (D7).
     */
    public Room create(Caller caller, String accountId, String name, String clientRequestToken) {
        return create(caller, accountId, name, clientRequestToken, null);
    }

    /** With the id a fixture file fixes (D93), or a new one when {@code id} is null. */
    public Room create(Caller caller, String accountId, String name, String clientRequestToken, String id) {
        Text.requireName("Name", name, NAME_MAX);
        try {
            return createOnce(caller, accountId, name, clientRequestToken, id);
        } catch (TokenRace race) {
            // Another server committed the same token first; our room was rolled back. Now we see theirs.
            return createOnce(caller, accountId, name, clientRequestToken, id);
        }
    }

    private static final class TokenRace extends RuntimeException {
        TokenRace() {
            super(null, null, false, false);
        }
    }

    private Room createOnce(Caller caller, String accountId, String name, String clientRequestToken, String id) {
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.lockAccount(accountId); // rooms per account (D9) across servers
            Instant now = ctx.now();
            if (clientRequestToken != null) {
                var earlier = tx.roomForToken(accountId, clientRequestToken, now.minus(TOKEN_LIFETIME));
                if (earlier.isPresent()) {
                    if (!earlier.get().name().equals(name)) {
                        throw DomainException.badRequest(
                                "The ClientRequestToken was already used to create a room named "
                                        + "differently; use a new token for a different room.");
                    }
                    var room = tx.room(accountId, earlier.get().roomId());
                    if (room.isPresent()) {
                        return room.get();
                    }
                }
            }
            if (tx.countRooms(accountId) >= ctx.limits().roomsPerAccount()) {
                throw DomainException.limitExceeded("The account " + accountId + " already has the maximum of "
                        + ctx.limits().roomsPerAccount() + " rooms.");
            }
            Room room = new Room(Ids.orNew(id), accountId, name, caller.principalArn(), now, now);
            tx.insertRoom(room);
            if (clientRequestToken != null
                    && !tx.claimRoomToken(
                            accountId, clientRequestToken, room.roomId(), name, now, now.minus(TOKEN_LIFETIME))) {
                throw new TokenRace();
            }
            return room;
        });
    }

    public Room get(Caller caller, String accountId, String roomId) {
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            return tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
        });
    }

    /** ListRooms; with a member id, only that member's rooms (an unknown member simply has none, D17). */
    public Page<Room> list(Caller caller, String accountId, String memberId, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, 99, 99);
        String scope = "rooms:" + accountId + ":" + memberId;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            List<Room> rows = tx.rooms(accountId, memberId, after, size + 1);
            return Paging.page(
                    rows, size, ctx.tokens(), scope, r -> r.createdAt().toEpochMilli(), Room::roomId);
        });
    }

    /** UpdateRoom: without a Name the room is returned unchanged (D23). */
    public Room update(Caller caller, String accountId, String roomId, String name) {
        if (name != null) {
            Text.requireName("Name", name, NAME_MAX);
        }
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Room room = tx.room(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            if (name == null) {
                return room;
            }
            Room renamed = room.renamed(name, ctx.now());
            tx.updateRoom(renamed);
            return renamed;
        });
    }

    public void delete(Caller caller, String accountId, String roomId) {
        ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.lockRoom(accountId, roomId).orElseThrow(() -> DomainException.notFound("room", roomId));
            new AuditTrail(tx, caller, "DeleteRoom", ctx.now())
                    .everyoneLeaves(accountId, roomId)
                    .write();
            List<String> bots = BotEventOutbox.botIds(tx, roomId);
            tx.deleteRoom(roomId);
            BotEventOutbox.removed(ctx, tx, caller, accountId, roomId, bots);
            return null;
        });
    }
}
