package dev.belfry.server.auth;

import dev.belfry.rooms.Caller;

/**
 * An access key, its secret, the tenant (AWS account id) it acts for, and the principal ARN recorded as
 * CreatedBy/InvitedBy. {@link #toString()} never shows the secret.
 */
public record Credential(String accessKeyId, String secretAccessKey, String tenantId, String principalArn) {
    public static Credential of(String accessKeyId, String secret, String tenantId) {
        return new Credential(accessKeyId, secret, tenantId, "arn:aws:iam::" + tenantId + ":user/" + accessKeyId);
    }

    public Caller caller() {
        return new Caller(tenantId, principalArn, accessKeyId, null, null);
    }

    /** The caller of one request: with its request id and the peer's address, for the audit trail (D83). */
    public Caller caller(String requestId, String sourceIp) {
        return new Caller(tenantId, principalArn, accessKeyId, requestId, sourceIp);
    }

    @Override
    public String toString() {
        return "Credential[" + accessKeyId + " → tenant " + tenantId + "]";
    }
}
