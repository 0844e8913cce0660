/**
 * Belfry's persistence: the {@link dev.belfry.rooms.RoomStore} port on SQLite (the default, one file
 * under the data directory) or PostgreSQL, with versioned Flyway migrations run at open. Open a store
 * with {@link dev.belfry.store.Stores#open}; copy one database into another with
 * {@link dev.belfry.store.StoreCopier}. Everything under {@code internal} is not API.
 */
package dev.belfry.store;
