/**
 * JDBC implementation of the store: connection pools, migrations, transactions with retry, and one
 * small query class per table. Not API: only {@code dev.belfry.store} may use it.
 */
package dev.belfry.store.internal;
