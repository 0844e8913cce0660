package dev.belfry.rooms;

import java.time.Clock;
import java.time.Duration;

/** The domain's entry point: all services over one context. Thread-safe. */
public final class RoomsDomain {
    private final AccountService accounts;
    private final UserService users;
    private final BotService bots;
    private final RoomService rooms;
    private final MembershipService memberships;
    private final MessageService messages;
    private final MeetingService meetings;

    // issue 13: settings and invitations
    private final SettingsService settings;
    private final InviteService invites;
    private final PhoneNumberService phoneNumbers;

    // issue 14: messages, webhooks, retention
    private final WebhookService webhooks;
    private final RetentionService retention;

    // issue 16: the audit trail of membership changes
    private final AuditService audit;
    // issue 15: the bot events outbox
    private final BotEventService botEvents;

    /** The least time between two accepted posts to one webhook: Chime's "1 TPS per webhook" (D73). */
    public static final Duration WEBHOOK_POST_INTERVAL = Duration.ofSeconds(1);

    public RoomsDomain(RoomStore store, Clock clock, Limits limits, Enums.AccountType createAccountType) {
        this(store, clock, limits, createAccountType, InvitationMailer.NONE, PhoneNumberPool.defaults());
    }

    /**
     * @param mailer what InviteUsers sends its invitations through (D54)
     * @param phoneNumberPool the numbers SearchAvailablePhoneNumbers offers (D60)
     */
    public RoomsDomain(
            RoomStore store,
            Clock clock,
            Limits limits,
            Enums.AccountType createAccountType,
            InvitationMailer mailer,
            PhoneNumberPool phoneNumberPool) {
        this(store, clock, limits, createAccountType, mailer, phoneNumberPool, WEBHOOK_POST_INTERVAL);
    }

    /** @param webhookPostInterval the least time between two accepted posts to one webhook; zero: unpaced (D73) */
    public RoomsDomain(
            RoomStore store,
            Clock clock,
            Limits limits,
            Enums.AccountType createAccountType,
            InvitationMailer mailer,
            PhoneNumberPool phoneNumberPool,
            Duration webhookPostInterval) {
        DomainContext ctx = new DomainContext(
                store, clock, new PageTokens(store.sharedSecret("page-token-key")), limits, createAccountType);
        this.accounts = new AccountService(ctx);
        this.users = new UserService(ctx);
        this.bots = new BotService(ctx);
        this.rooms = new RoomService(ctx);
        this.memberships = new MembershipService(ctx);
        this.messages = new MessageService(ctx);
        this.meetings = new MeetingService();
        this.settings = new SettingsService(ctx);
        this.invites = new InviteService(ctx, mailer);
        this.phoneNumbers = new PhoneNumberService(ctx, phoneNumberPool);
        this.webhooks = new WebhookService(ctx, webhookPostInterval);
        this.retention = new RetentionService(ctx);
        this.audit = new AuditService(ctx);
        this.botEvents = new BotEventService(ctx);
        this.webhooks.botEvents(botEvents);
    }

    public AuditService audit() {
        return audit;
    }

    /** Sets how PutEventsConfiguration verifies an endpoint (the server's HTTP handshake, D108). */
    public RoomsDomain withEndpointVerifier(BotEndpointVerifier verifier) {
        bots.verifier(verifier);
        return this;
    }

    public BotEventService botEvents() {
        return botEvents;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public RetentionService retention() {
        return retention;
    }

    public SettingsService settings() {
        return settings;
    }

    public InviteService invites() {
        return invites;
    }

    public AccountService accounts() {
        return accounts;
    }

    public UserService users() {
        return users;
    }

    public BotService bots() {
        return bots;
    }

    public RoomService rooms() {
        return rooms;
    }

    public MembershipService memberships() {
        return memberships;
    }

    public MessageService messages() {
        return messages;
    }

    public MeetingService meetings() {
        return meetings;
    }

    public PhoneNumberService phoneNumbers() {
        return phoneNumbers;
    }
}
