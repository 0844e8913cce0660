/**
 * AWS Signature Version 4, header form ({@code Authorization: AWS4-HMAC-SHA256 ...}): signing for the CLI and
 * verification for the server, over one shared {@link dev.belfry.wire.sigv4.Canonicalizer}.
 *
 * <p><b>Why hand-written.</b> The server must verify a request exactly as it arrived: the raw, still percent-encoded
 * path and query, and the headers the client chose to sign. No AWS SDK signer verifies, and re-signing through an SDK
 * would re-encode and re-select headers. The CLI must sign without loading the AWS SDK, whose class loading alone
 * would blow its start-up budget (~150 ms). Both sides canonicalize through the same code, so they cannot disagree.
 * Only the JDK is used: {@code MessageDigest} (SHA-256), with HMAC (RFC 2104) on top of it to keep
 * {@code javax.crypto} out of the CLI's start-up.
 *
 * <p><b>What it implements</b> (the non-S3 rules, as botocore's {@code SigV4Auth} and the AWS SDK for Java v2 apply
 * them to service {@code chime}, checked against the AWS SigV4 test suite):
 * <ul>
 *   <li>canonical URI: dot segments removed and empty segments collapsed (botocore's {@code remove_dot_segments}),
 *       then the raw path is URI-encoded once more, so {@code room%201} signs as {@code room%25201};</li>
 *   <li>canonical query: names and values percent-decoded, re-encoded per RFC 3986, sorted by name then value;</li>
 *   <li>canonical headers: lower-cased names, values trimmed with inner whitespace runs collapsed, repeated headers
 *       joined with ',' in received order;</li>
 *   <li>payload hash: {@code x-amz-content-sha256} when present (the verifier insists it is the body's real hash),
 *       otherwise SHA-256 of the body;</li>
 *   <li>request date: {@code X-Amz-Date}, else the {@code Date} header; derived signing keys are cached per
 *       (secret, day, region, service) in a small bounded map.</li>
 * </ul>
 * Verification failures map to {@link dev.belfry.wire.sigv4.SigV4Exception.Kind} as Belfry decision D19 asks; the
 * choices D19 leaves open are documented on {@link dev.belfry.wire.sigv4.SigV4Verifier}. Query-string (presigned)
 * signing, chunked/streaming payloads and SigV4a are not implemented.
 */
package dev.belfry.wire.sigv4;
