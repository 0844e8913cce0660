package dev.belfry.server.bots;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How bot events are delivered (issue 15).
 *
 * @param retryHorizon how long a failing event is retried before it is dead (--bot-event-retry-horizon, D105)
 * @param allowHttpEndpoints whether a plain http:// endpoint on a host other than loopback is accepted
 *     (--allow-http-bot-endpoints, D108)
 * @param pollInterval how often each server looks for due events nobody woke it for (D95: a commit of this server,
 *     the end of a delivery and a retry falling due wake it at once; the poll finds other servers' leftovers)
 * @param timeout how long the bot has to answer (Chime: 2 s)
 * @param concurrency how many deliveries one server has in flight at most
 * @param deliveredRetention how long a delivered event stays in the outbox (--bot-event-retention-days, D96)
 * @param deadRetention how long a dead event stays in the outbox (--bot-event-dead-retention-days, D96)
 * @param lambdaEndpoint where LambdaFunctionArn bots are invoked (--lambda-endpoint); null: AWS Lambda in the ARN's
 *     region (D111)
 * @param lambdaCredentials the operator's AWS keys that sign the invocations; gives null when there are none
 * @param lambdaTimeout how long an invocation may take, the function's run included (D111)
 */
public record BotEventSettings(
        Duration retryHorizon,
        boolean allowHttpEndpoints,
        Duration pollInterval,
        Duration timeout,
        int concurrency,
        Duration deliveredRetention,
        Duration deadRetention,
        URI lambdaEndpoint,
        Supplier<AwsKeys> lambdaCredentials,
        Duration lambdaTimeout) {
    public static BotEventSettings defaults() {
        return new BotEventSettings(
                Duration.ofHours(24),
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                32,
                Duration.ofDays(7),
                Duration.ofDays(30),
                null,
                AwsKeys::fromEnvironment,
                Duration.ofSeconds(10));
    }

    public BotEventSettings withRetryHorizon(Duration horizon) {
        return new BotEventSettings(
                horizon,
                allowHttpEndpoints,
                pollInterval,
                timeout,
                concurrency,
                deliveredRetention,
                deadRetention,
                lambdaEndpoint,
                lambdaCredentials,
                lambdaTimeout);
    }

    public BotEventSettings withAllowHttpEndpoints(boolean allow) {
        return new BotEventSettings(
                retryHorizon,
                allow,
                pollInterval,
                timeout,
                concurrency,
                deliveredRetention,
                deadRetention,
                lambdaEndpoint,
                lambdaCredentials,
                lambdaTimeout);
    }

    /** How long delivered and dead events are kept (D96). */
    public BotEventSettings withRetention(Duration delivered, Duration dead) {
        return new BotEventSettings(
                retryHorizon,
                allowHttpEndpoints,
                pollInterval,
                timeout,
                concurrency,
                delivered,
                dead,
                lambdaEndpoint,
                lambdaCredentials,
                lambdaTimeout);
    }

    /** @param endpoint null for AWS Lambda itself; @param credentials null for none */
    public BotEventSettings withLambda(URI endpoint, Supplier<AwsKeys> credentials) {
        return new BotEventSettings(
                retryHorizon,
                allowHttpEndpoints,
                pollInterval,
                timeout,
                concurrency,
                deliveredRetention,
                deadRetention,
                endpoint,
                credentials == null ? () -> null : credentials,
                lambdaTimeout);
    }
}
