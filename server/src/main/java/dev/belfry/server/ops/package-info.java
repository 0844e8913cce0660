/**
 * Thin adapters, one per operation, in the spirit of moto's responses.py: read the input members, call the domain,
 * return output members keyed by the model's names. Each adapter declares the members it reads and writes through an
 * {@link dev.belfry.server.ops.OperationBinding} when {@link dev.belfry.server.ops.Operations} is built, and
 * {@link dev.belfry.server.ops.Views} turns domain records into output structures; both are checked against the
 * model then, so a wrong member name stops start-up instead of answering a request with nulls.
 */
package dev.belfry.server.ops;
