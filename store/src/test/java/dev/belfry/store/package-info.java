/** Contract tests of the store, run against real SQLite and PostgreSQL databases. */
package dev.belfry.store;
