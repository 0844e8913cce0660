/**
 * The Chime service model, exactly as botocore ships it, read at runtime into immutable records.
 *
 * <p>Both faces of Belfry read these objects: the server routes, binds, validates and serializes from
 * them; the CLI builds its command and argument tables, shorthand coercion and skeletons from them.
 * Nothing here knows about HTTP, JSON encoding rules or the domain.
 */
package dev.belfry.model;
