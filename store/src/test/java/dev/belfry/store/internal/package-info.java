/** Tests of store internals that the contract cannot reach (retry classification). */
package dev.belfry.store.internal;
