package dev.belfry.rooms;

import dev.belfry.rooms.Enums.UserType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the domain may ask of the database inside one transaction. Listing methods return at most
 * {@code limit} rows strictly after {@code after} (null = from the start) in (sort key, id) order.
 * Nothing here enforces a business rule: the services do.
 */
public interface StoreTransaction {
    // accounts; sort key = creation time in epoch millis
    void insertAccount(Account account);

    Optional<Account> account(String awsAccountId, String accountId);

    List<Account> accounts(String awsAccountId, String namePrefix, Cursor after, int limit);

    /** The account (of this tenant) that has a user with this exact email, if any. */
    Optional<Account> accountOfUserEmail(String awsAccountId, String email);

    void updateAccount(Account account);

    /**
     * Locks the account row until the transaction ends, without blocking foreign-key checks of inserts into
     * it (FOR NO KEY UPDATE where the database has it). Creates that count against a per-account limit
     * (rooms, bots) take it first, so the limit holds however requests interleave across servers.
     */
    void lockAccount(String accountId);

    /** Removes the account and everything in it (users, bots, rooms, memberships, tokens). */
    void deleteAccount(String accountId);

    // users; sort key = creation time
    void insertUser(User user);

    Optional<User> user(String accountId, String userId);

    /**
     * The tenant's user with this email, in any of its accounts, compared case-insensitively: within a tenant an
     * email belongs to one account. Other tenants' users are never seen (D19).
     */
    Optional<User> userByEmail(String tenantId, String email);

    List<User> users(String accountId, String email, UserType userType, Cursor after, int limit);

    void updateUser(User user);

    long countUsers(String accountId, Enums.RegistrationStatus status);

    // bots; sort key = creation time
    void insertBot(Bot bot);

    Optional<Bot> bot(String accountId, String botId);

    List<Bot> bots(String accountId, Cursor after, int limit);

    void updateBot(Bot bot);

    long countBots(String accountId);

    // bots' events configurations, one per bot at most
    /** Inserts or replaces the bot's configuration. */
    void putEventsConfiguration(EventsConfiguration config);

    Optional<EventsConfiguration> eventsConfiguration(String botId);

    void deleteEventsConfiguration(String botId);

    // rooms; sort key = creation time
    void insertRoom(Room room);

    Optional<Room> room(String accountId, String roomId);

    /**
     * The room, locked against concurrent membership changes until the transaction ends (SELECT … FOR
     * UPDATE where the database has it). Every membership write locks its room first, so per-room limits
     * hold under concurrency.
     */
    Optional<Room> lockRoom(String accountId, String roomId);

    /** Rooms of the account; with {@code memberId}, only rooms that member is in. */
    List<Room> rooms(String accountId, String memberId, Cursor after, int limit);

    void updateRoom(Room room);

    /** Removes the room and its memberships. */
    void deleteRoom(String roomId);

    long countRooms(String accountId);

    /** The room an idempotency token created (D5), with the name it was created with, if the token is known. */
    Optional<IdempotentRoom> roomForToken(String accountId, String token, Instant notBefore);

    /**
     * Records that {@code token} created {@code roomId}, unless a token that is still live (created at or
     * after {@code notBefore}; null = any) holds the key. Returns false when such a token exists: a racing
     * CreateRoom with the same token won, and the caller must roll back and look again.
     */
    boolean claimRoomToken(
            String accountId, String token, String roomId, String name, Instant createdAt, Instant notBefore);

    record IdempotentRoom(String roomId, String name) {}

    // members and memberships
    /**
     * Users and bots of the account with these ids (a bot is found by its bot id = user id), each with the
     * number of rooms it is in and its membership in {@code roomId}, their rows locked (users, then bots, each in
     * id order) until the transaction ends. Adding members to a room takes this after the room lock, so
     * rooms-per-member holds when the same member joins different rooms at once.
     */
    Map<String, Candidate> lockMembers(String accountId, String roomId, Collection<String> memberIds);

    /** A member, how many rooms it is in, and its membership in the room asked about (null: not in it). */
    record Candidate(Member member, long rooms, Membership inRoom) {}

    /** Existing memberships of these members in the room. */
    Map<String, Membership> memberships(String roomId, Collection<String> memberIds);

    long countMemberships(String roomId);

    /**
     * Adds memberships that do not exist yet, each to its room, and raises the rooms' member counts and the
     * members' room counts. The caller holds the rooms' locks and has looked (a row that exists is an error,
     * not an update).
     */
    void insertMemberships(List<Membership> memberships);

    /** Updates existing memberships: role, invitedBy and updatedAt (addedAt stays, D8). */
    void updateMemberships(List<Membership> memberships);

    /** Memberships of a room; sort key = addedAt. */
    List<Membership> memberships(String roomId, Cursor after, int limit);

    boolean deleteMembership(String roomId, String memberId);

    // ---- account and user settings (issue 13, schema V4, D51-D59) ----

    /** The account's stored settings; empty = never changed (the defaults, D51). */
    Optional<AccountSettings> accountSettings(String accountId);

    void putAccountSettings(String accountId, AccountSettings settings);

    /** The account's sign-in delegate group names in association order (D52). */
    List<String> signinDelegateGroups(String accountId);

    /** The groups of several accounts at once (one query for a page of ListAccounts); absent = none. */
    Map<String, List<String>> signinDelegateGroups(Collection<String> accountIds);

    /** Associates the names the account does not have yet (the caller removed duplicates), at {@code at}. */
    void addSigninDelegateGroups(String accountId, List<String> groupNames, Instant at);

    /** Removes these names; names the account does not have are ignored (D52). */
    void removeSigninDelegateGroups(String accountId, Collection<String> groupNames);

    /** The tenant's global settings; empty = never set (D53). */
    Optional<GlobalSettings> globalSettings(String awsAccountId);

    /**
     * The tenant's global settings, its row created empty if missing and locked until the transaction ends, so two
     * servers updating different sections at once both keep their change (D53).
     */
    GlobalSettings lockGlobalSettings(String awsAccountId);

    void putGlobalSettings(String awsAccountId, GlobalSettings settings);

    /** The user's stored Telephony settings; empty = never changed (all off, D55). */
    Optional<UserSettings> userSettings(String userId);

    void putUserSettings(String userId, UserSettings settings);

    /** The account's retention settings; empty = never put (D58). */
    Optional<RetentionSettings> retentionSettings(String accountId);

    void putRetentionSettings(String accountId, RetentionSettings settings);

    /** Whether a user of the account already has this personal PIN (D57). */
    boolean personalPinTaken(String accountId, String pin);

    /** Records that LogoutUser signed the user out at {@code at} (D56). */
    void recordLogout(String userId, Instant at);

    /** When LogoutUser last signed the user out, if ever. */
    Optional<Instant> lastLogout(String userId);
    // phone numbers (issue 13): their own part of the port, kept in one place
    PhoneNumberTransaction phoneNumbers();

    // rooms' messages and webhooks (issue 14): their own part of the port
    MessageTransaction messages();

    // the audit trail of membership changes (issue 16): its own part of the port
    AuditTransaction audit();

    // the bot events outbox (issue 15): its own part of the port
    BotEventTransaction botEvents();
}
