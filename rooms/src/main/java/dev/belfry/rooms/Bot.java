package dev.belfry.rooms;

import java.time.Instant;

/** A chat bot. Its user id equals its bot id (D22). */
public record Bot(
        String botId,
        String accountId,
        String displayName,
        boolean disabled,
        Instant createdAt,
        Instant updatedAt,
        String botEmail,
        String securityToken) {

    public String userId() {
        return botId;
    }

    public Bot withDisabled(boolean value, Instant at) {
        return new Bot(botId, accountId, displayName, value, createdAt, at, botEmail, securityToken);
    }

    public Bot withSecurityToken(String token, Instant at) {
        return new Bot(botId, accountId, displayName, disabled, createdAt, at, botEmail, token);
    }
}
