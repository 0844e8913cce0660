package dev.belfry.rooms;

import dev.belfry.rooms.Enums.MemberType;

/**
 * Someone who can be in a room: a user or a bot of an account.
 *
 * @param blocked why the member cannot be added right now (suspended user, disabled bot), or null
 */
public record Member(
        String memberId, MemberType type, String email, String fullName, String accountId, String blocked) {}
