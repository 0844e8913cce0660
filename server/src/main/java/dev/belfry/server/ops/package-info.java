/**
 * Thin adapters, one per operation, in the spirit of moto's responses.py: read the input members, call
 * the domain, return output members keyed by the model's names. {@link dev.belfry.server.ops.Views}
 * turns domain records into output structures.
 */
package dev.belfry.server.ops;
