/**
 * {@code belfry serve}: the Chime chat-room API over HTTP. Jetty hands every request to
 * {@link dev.belfry.server.http.OperatorHandler}, which answers {@code /_belfry/health} (without authentication)
 * and {@code /_belfry/metrics} itself and passes everything else, the operator operations under
 * {@code /_belfry/admin/} included, to {@link dev.belfry.server.http.ApiHandler}. There a request goes, in this
 * order:
 *
 * <ol>
 *   <li>the body is read, bounded ({@code ServerSettings.maxBodyBytes}, 413 beyond it) and checked to be UTF-8;
 *   <li>SigV4 verification ({@link dev.belfry.server.auth.Authenticator}) yields the credential;
 *   <li>the credential's rate limit is applied ({@link dev.belfry.server.http.Throttle}, D20);
 *   <li>{@link dev.belfry.server.http.OperationRouter} finds the operation by the model's request URIs
 *       (no match: 404; every operation of the model has an adapter, D26);
 *   <li>model-driven binding and validation of the input ({@code dev.belfry.wire});
 *   <li>a thin adapter ({@link dev.belfry.server.ops}) calls the domain;
 *   <li>the model-driven writer encodes the output.
 * </ol>
 *
 * <p>Authentication therefore comes before routing: a request that fails SigV4 gets its authentication error
 * (D19) whatever its path, and nothing about the path is revealed to an unauthenticated caller. Only a body
 * that is too large, arrives incomplete or is not UTF-8 is refused before authentication. Every failure, at any
 * step, becomes the API's error shape in one place, {@link dev.belfry.server.http.ErrorTranslator} (D18).
 */
package dev.belfry.server;
