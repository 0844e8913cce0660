package dev.belfry.rooms;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Chat bots of an Enterprise account: CreateBot, GetBot, ListBots, UpdateBot (no delete: disable instead),
 * RegenerateSecurityToken and the bot's events configuration.
 */
public final class BotService {
    private static final int NAME_MAX = 55;

    /** The stored size of a bot's email, which is built from its name and Domain (D27). */
    private static final int BOT_EMAIL_MAX = 512;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final DomainContext ctx;

    private volatile BotEndpointVerifier verifier = BotEndpointVerifier.NONE;

    /** Where PutEventsConfiguration's handshake goes (the server's HTTP verifier); NONE until set. */
    void verifier(BotEndpointVerifier v) {
        this.verifier = v;
    }

    public BotService(DomainContext ctx) {
        this.ctx = ctx;
    }

    /**
     * CreateBot: "myBot" in domain example.com becomes DisplayName "myBot (Bot)" and BotEmail
     * "myBot-chimebot@example.com" (CLI/create-bot). Without a Domain the bot has no email.
     */
    public Bot create(Caller caller, String accountId, String displayName, String domain) {
        return create(caller, accountId, displayName, domain, null);
    }

    /** With the id a fixture file fixes (D93), or a new one when {@code id} is null. */
    public Bot create(Caller caller, String accountId, String displayName, String domain, String id) {
        Text.requireName("DisplayName", displayName, NAME_MAX);
        String email = domain == null || domain.isBlank()
                ? null
                : displayName.strip().replaceAll("\\s+", "-") + "-chimebot@" + domain.strip();
        Text.requireAtMost("The bot email made of DisplayName and Domain", email, BOT_EMAIL_MAX);
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.lockAccount(accountId); // bots per account (D9) across servers
            if (tx.countBots(accountId) >= ctx.limits().botsPerAccount()) {
                throw DomainException.limitExceeded("The account " + accountId + " already has the maximum of "
                        + ctx.limits().botsPerAccount() + " bots.");
            }
            Instant now = ctx.now();
            Bot bot = new Bot(
                    Ids.orNew(id), accountId, displayName.strip() + " (Bot)", false, now, now, email, newToken());
            tx.insertBot(bot);
            return bot;
        });
    }

    public Bot get(Caller caller, String accountId, String botId) {
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            return tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
        });
    }

    public Page<Bot> list(Caller caller, String accountId, Integer maxResults, String nextToken) {
        int size = Paging.size(maxResults, 10, 99);
        String scope = "bots:" + accountId;
        Cursor after = ctx.tokens().decode(scope, nextToken);
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            List<Bot> rows = tx.bots(accountId, after, size + 1);
            return Paging.page(
                    rows, size, ctx.tokens(), scope, b -> b.createdAt().toEpochMilli(), Bot::botId);
        });
    }

    /** UpdateBot: only Disabled can change; left out, nothing changes. */
    public Bot update(Caller caller, String accountId, String botId, Boolean disabled) {
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Bot bot = tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            if (disabled == null || disabled == bot.disabled()) {
                return bot;
            }
            Bot updated = bot.withDisabled(disabled, ctx.now());
            tx.updateBot(updated);
            return updated;
        });
    }

    /** RegenerateSecurityToken: a new random token replaces the old one, which from now on signs nothing. */
    public Bot regenerateSecurityToken(Caller caller, String accountId, String botId) {
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            Bot bot = tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            Bot updated = bot.withSecurityToken(newToken(), ctx.now());
            tx.updateBot(updated);
            return updated;
        });
    }

    /** PutEventsConfiguration: replaces whatever the bot had (D43); exactly one target. */
    public EventsConfiguration putEventsConfiguration(
            Caller caller, String accountId, String botId, String httpsEndpoint, String lambdaFunctionArn) {
        return putEventsConfiguration(caller, accountId, botId, httpsEndpoint, lambdaFunctionArn, true);
    }

    /**
     * @param verify false only for fixture files (D124), which describe a state whose bot endpoints may start after
     *     the server: the input is checked as always, the endpoint is not called
     */
    public EventsConfiguration putEventsConfiguration(
            Caller caller,
            String accountId,
            String botId,
            String httpsEndpoint,
            String lambdaFunctionArn,
            boolean verify) {
        // the lookups first: another tenant's bot is NotFound whatever the body says (D19), and no one makes this
        // server call a URL for a bot they do not own
        ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            return tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
        });
        EventsConfiguration.validate(httpsEndpoint, lambdaFunctionArn, verifier.allowsPlainHttp());
        if (!verify) {
            // fixtures: stored as given (D124)
        } else if (httpsEndpoint != null && !httpsEndpoint.isEmpty()) {
            // outside the transaction: the endpoint has 2 s to answer (D108)
            String problem = verifier.verify(httpsEndpoint);
            if (problem != null) {
                throw DomainException.badRequest(
                        "The OutboundEventsHTTPSEndpoint did not pass Chime's endpoint" + " verification: " + problem);
            }
        } else {
            // Chime made a dry-run invocation and failed the Put with a 4xx unless it succeeded (D113)
            String problem = verifier.verifyLambda(lambdaFunctionArn);
            if (problem != null) {
                throw DomainException.badRequest(
                        "The LambdaFunctionArn did not pass Chime's dry-run invocation: " + problem);
            }
        }
        return ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            EventsConfiguration config = new EventsConfiguration(
                    botId, accountId, emptyToNull(httpsEndpoint), emptyToNull(lambdaFunctionArn), ctx.now());
            tx.putEventsConfiguration(config);
            return config;
        });
    }

    /** GetEventsConfiguration: NotFound for an unknown bot and for a bot that has none (D43). */
    public EventsConfiguration eventsConfiguration(Caller caller, String accountId, String botId) {
        return ctx.store().read(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            return tx.eventsConfiguration(botId)
                    .orElseThrow(() -> DomainException.notFound("events configuration of bot", botId));
        });
    }

    /** DeleteEventsConfiguration: idempotent for a bot that has none (the model has no NotFound for it, D43). */
    public void deleteEventsConfiguration(Caller caller, String accountId, String botId) {
        ctx.store().write(tx -> {
            AccountGuard.enterprise(tx, caller, accountId);
            tx.bot(accountId, botId).orElseThrow(() -> DomainException.notFound("bot", botId));
            tx.deleteEventsConfiguration(botId);
            return null;
        });
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
