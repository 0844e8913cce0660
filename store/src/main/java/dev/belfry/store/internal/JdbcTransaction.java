package dev.belfry.store.internal;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.AccountSettings;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Cursor;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.EventsConfiguration;
import dev.belfry.rooms.GlobalSettings;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.RetentionSettings;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.StoreTransaction;
import dev.belfry.rooms.User;
import dev.belfry.rooms.UserSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One open transaction: routes each port method to the query class of its table. */
final class JdbcTransaction implements StoreTransaction {
    private final AccountQueries accounts;
    private final UserQueries users;
    private final BotQueries bots;
    private final EventsConfigurationQueries eventsConfigurations;
    private final RoomQueries rooms;
    private final Sql sql;
    private final MembershipQueries memberships;
    private final SettingsQueries settings;
    private final LockQueries locks;
    private final Dialect dialect;
    // issue 13 (schema V4)
    private final AccountSettingsQueries accountSettings;
    private final UserSettingsQueries userSettings;
    private final PhoneNumberQueries phoneNumbers;
    // issue 14 (schema V7)
    private final MessageQueries messages;
    private final AuditQueries audit;
    // issue 15 (schema V8)
    private final BotEventQueries botEvents;
    /**
     * member_count of the rooms this transaction has locked, read with the lock and kept in step by its own
     * writes: while the lock is held no one else changes it, so a batch need not read it again.
     */
    private final Map<String, Long> lockedRoomSizes = new HashMap<>();

    /** Memberships this transaction added: the store refreshes PostgreSQL's statistics after many (D88). */
    private int insertedMemberships;

    /** Whether this transaction queued a bot event (D95: the store then wakes the delivery worker). */
    boolean queuedBotEvents() {
        return botEvents.queued();
    }

    int insertedMemberships() {
        return insertedMemberships;
    }

    JdbcTransaction(Sql sql, Dialect dialect) {
        accounts = new AccountQueries(sql);
        users = new UserQueries(sql);
        bots = new BotQueries(sql);
        eventsConfigurations = new EventsConfigurationQueries(sql);
        rooms = new RoomQueries(sql, dialect);
        this.sql = sql;
        memberships = new MembershipQueries(sql);
        settings = new SettingsQueries(sql);
        locks = new LockQueries(sql, dialect);
        this.dialect = dialect;
        accountSettings = new AccountSettingsQueries(sql, dialect);
        userSettings = new UserSettingsQueries(sql);
        phoneNumbers = new PhoneNumberQueries(sql, dialect);
        audit = new AuditQueries(sql);
        botEvents = new BotEventQueries(sql, dialect);
        messages = new MessageQueries(
                sql, dialect, (roomId, delta) -> lockedRoomSizes.computeIfPresent(roomId, (room, n) -> n + delta));
    }

    SettingsQueries settings() {
        return settings;
    }

    @Override
    public void insertAccount(Account account) {
        accounts.insert(account);
    }

    @Override
    public Optional<Account> account(String awsAccountId, String accountId) {
        return accounts.get(awsAccountId, accountId);
    }

    @Override
    public List<Account> accounts(String awsAccountId, String namePrefix, Cursor after, int limit) {
        return accounts.list(awsAccountId, namePrefix, after, limit);
    }

    @Override
    public Optional<Account> accountOfUserEmail(String awsAccountId, String email) {
        return accounts.ofUserEmail(awsAccountId, email);
    }

    @Override
    public void updateAccount(Account account) {
        accounts.update(account);
    }

    @Override
    public void lockAccount(String accountId) {
        locks.account(accountId);
    }

    @Override
    public void deleteAccount(String accountId) {
        accountSettings.deleteAccount(accountId);
        accounts.delete(accountId);
        lockedRoomSizes.clear();
    }

    @Override
    public void insertUser(User user) {
        users.insert(user);
    }

    @Override
    public Optional<User> user(String accountId, String userId) {
        return users.get(accountId, userId);
    }

    @Override
    public Optional<User> userByEmail(String tenantId, String email) {
        return users.byEmail(tenantId, email);
    }

    @Override
    public List<User> users(String accountId, String email, UserType userType, Cursor after, int limit) {
        return users.list(accountId, email, userType, after, limit);
    }

    @Override
    public void updateUser(User user) {
        users.update(user);
    }

    @Override
    public long countUsers(String accountId, RegistrationStatus status) {
        return users.count(accountId, status);
    }

    @Override
    public void insertBot(Bot bot) {
        bots.insert(bot);
    }

    @Override
    public Optional<Bot> bot(String accountId, String botId) {
        return bots.get(accountId, botId);
    }

    @Override
    public List<Bot> bots(String accountId, Cursor after, int limit) {
        return bots.list(accountId, after, limit);
    }

    @Override
    public void putEventsConfiguration(EventsConfiguration config) {
        eventsConfigurations.put(config);
    }

    @Override
    public Optional<EventsConfiguration> eventsConfiguration(String botId) {
        return eventsConfigurations.get(botId);
    }

    @Override
    public void deleteEventsConfiguration(String botId) {
        eventsConfigurations.delete(botId);
    }

    @Override
    public void updateBot(Bot bot) {
        bots.update(bot);
    }

    @Override
    public long countBots(String accountId) {
        return bots.count(accountId);
    }

    @Override
    public void insertRoom(Room room) {
        rooms.insert(room);
    }

    @Override
    public Optional<Room> room(String accountId, String roomId) {
        return rooms.get(accountId, roomId);
    }

    @Override
    public Optional<Room> lockRoom(String accountId, String roomId) {
        return rooms.lock(accountId, roomId).map(locked -> {
            lockedRoomSizes.put(roomId, locked.getValue());
            return locked.getKey();
        });
    }

    @Override
    public List<Room> rooms(String accountId, String memberId, Cursor after, int limit) {
        return rooms.list(accountId, memberId, after, limit);
    }

    @Override
    public void updateRoom(Room room) {
        rooms.update(room);
    }

    @Override
    public void deleteRoom(String roomId) {
        rooms.delete(roomId);
        lockedRoomSizes.remove(roomId);
    }

    @Override
    public long countRooms(String accountId) {
        return rooms.count(accountId);
    }

    @Override
    public Optional<IdempotentRoom> roomForToken(String accountId, String token, Instant notBefore) {
        return rooms.forToken(accountId, token, notBefore);
    }

    @Override
    public boolean claimRoomToken(
            String accountId, String token, String roomId, String name, Instant createdAt, Instant notBefore) {
        return rooms.claimToken(accountId, token, roomId, name, createdAt, notBefore);
    }

    @Override
    public Map<String, Candidate> lockMembers(String accountId, String roomId, Collection<String> memberIds) {
        return MemberQueries.candidates(sql, accountId, roomId, memberIds, dialect.forNoKeyUpdate());
    }

    @Override
    public Map<String, Membership> memberships(String roomId, Collection<String> memberIds) {
        return memberships.of(roomId, memberIds);
    }

    @Override
    public long countMemberships(String roomId) {
        Long locked = lockedRoomSizes.get(roomId);
        return locked != null ? locked : memberships.count(roomId);
    }

    @Override
    public void insertMemberships(List<Membership> list) {
        memberships.insert(list);
        insertedMemberships += list.size();
        list.forEach(m -> lockedRoomSizes.computeIfPresent(m.roomId(), (room, n) -> n + 1));
    }

    @Override
    public void updateMemberships(List<Membership> list) {
        memberships.update(list);
    }

    @Override
    public List<Membership> memberships(String roomId, Cursor after, int limit) {
        return memberships.list(roomId, after, limit);
    }

    @Override
    public boolean deleteMembership(String roomId, String memberId) {
        boolean deleted = memberships.delete(roomId, memberId);
        if (deleted) {
            lockedRoomSizes.computeIfPresent(roomId, (room, n) -> n - 1);
        }
        return deleted;
    }

    // ---- account and user settings (issue 13, schema V4, D51-D59) ----

    @Override
    public Optional<AccountSettings> accountSettings(String accountId) {
        return accountSettings.accountSettings(accountId);
    }

    @Override
    public void putAccountSettings(String accountId, AccountSettings settings) {
        accountSettings.putAccountSettings(accountId, settings);
    }

    @Override
    public List<String> signinDelegateGroups(String accountId) {
        return accountSettings.groups(accountId);
    }

    @Override
    public Map<String, List<String>> signinDelegateGroups(Collection<String> accountIds) {
        return accountSettings.groups(accountIds);
    }

    @Override
    public void addSigninDelegateGroups(String accountId, List<String> groupNames, Instant at) {
        accountSettings.addGroups(accountId, groupNames, at);
    }

    @Override
    public void removeSigninDelegateGroups(String accountId, Collection<String> groupNames) {
        accountSettings.removeGroups(accountId, groupNames);
    }

    @Override
    public Optional<GlobalSettings> globalSettings(String awsAccountId) {
        return accountSettings.global(awsAccountId);
    }

    @Override
    public GlobalSettings lockGlobalSettings(String awsAccountId) {
        return accountSettings.lockGlobal(awsAccountId);
    }

    @Override
    public void putGlobalSettings(String awsAccountId, GlobalSettings settings) {
        accountSettings.putGlobal(awsAccountId, settings);
    }

    @Override
    public Optional<UserSettings> userSettings(String userId) {
        return userSettings.get(userId);
    }

    @Override
    public void putUserSettings(String userId, UserSettings settings) {
        userSettings.put(userId, settings);
    }

    @Override
    public Optional<RetentionSettings> retentionSettings(String accountId) {
        return accountSettings.retention(accountId);
    }

    @Override
    public void putRetentionSettings(String accountId, RetentionSettings settings) {
        accountSettings.putRetention(accountId, settings);
    }

    @Override
    public boolean personalPinTaken(String accountId, String pin) {
        return userSettings.pinTaken(accountId, pin);
    }

    @Override
    public void recordLogout(String userId, Instant at) {
        userSettings.recordLogout(userId, at);
    }

    @Override
    public Optional<Instant> lastLogout(String userId) {
        return userSettings.lastLogout(userId);
    }

    @Override
    public dev.belfry.rooms.PhoneNumberTransaction phoneNumbers() {
        return phoneNumbers;
    }

    @Override
    public dev.belfry.rooms.MessageTransaction messages() {
        return messages;
    }

    @Override
    public dev.belfry.rooms.AuditTransaction audit() {
        return audit;
    }

    @Override
    public dev.belfry.rooms.BotEventTransaction botEvents() {
        return botEvents;
    }
}
