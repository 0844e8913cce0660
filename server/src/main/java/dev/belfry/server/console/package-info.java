/**
 * The web console under {@code /_belfry/console/} (issue 18, D115–D124): static pages from the jar, a small JSON API
 * under {@code /_belfry/console/api/} that calls the same domain services as the Chime API with a {@code Caller}
 * built from the signed-in credential, sessions in HMAC-signed cookies (D115), CSRF tokens (D116), sign-in
 * throttling (D117) and server-sent events for a room's new messages (D120).
 */
package dev.belfry.server.console;
