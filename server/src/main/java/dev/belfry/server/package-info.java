/**
 * {@code belfry serve}: the Chime chat-room API over HTTP. A request goes
 * transport ({@link dev.belfry.server.http.ApiHandler}) → {@link dev.belfry.server.http.OperationRouter} →
 * SigV4 verification ({@link dev.belfry.server.auth}) → model-driven reading and validation
 * ({@code dev.belfry.wire}) → a thin adapter ({@link dev.belfry.server.ops}) → the domain → the
 * model-driven writer, or one {@link dev.belfry.server.http.ErrorTranslator} for every failure.
 */
package dev.belfry.server;
