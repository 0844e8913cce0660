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
 * @param pollInterval how often each server looks for due events when it has nothing in hand
 * @param timeout how long the bot has to answer (Chime: 2 s)
 * @param concurrency how many deliveries one server has in flight at most
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
        URI lambdaEndpoint,
        Supplier<AwsKeys> lambdaCredentials,
        Duration lambdaTimeout) {
    public static BotEventSettings defaults() {
        return new BotEventSettings(
                Duration.ofHours(24),
                false,
                Duration.ofMillis(50),
                Duration.ofSeconds(2),
                32,
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
                endpoint,
                credentials == null ? () -> null : credentials,
                lambdaTimeout);
    }
}
