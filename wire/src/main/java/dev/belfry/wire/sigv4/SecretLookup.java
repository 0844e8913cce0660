package dev.belfry.wire.sigv4;

/** Where the verifier finds secret keys; the server backs it with its credential store. */
@FunctionalInterface
public interface SecretLookup {
    /** the secret for an access key id, or null when unknown */
    String secretFor(String accessKeyId);
}
