/**
 * Belfry's domain: Chime accounts, users, bots, rooms and room memberships, the rules of
 * docs/DECISIONS.md (D1 onwards), and the {@link dev.belfry.rooms.RoomStore} port
 * that persistence implements. This package knows nothing of HTTP, JSON or SQL.
 */
package dev.belfry.rooms;
