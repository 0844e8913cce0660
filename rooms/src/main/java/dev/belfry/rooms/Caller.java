package dev.belfry.rooms;

/**
 * Who is calling: the tenant (an AWS account id) the credential acts for, and the principal ARN that becomes
 * CreatedBy / InvitedBy (D7); and what the server knows of the request, which the audit trail records (D83): the
 * access key id that signed it, the request id it answered with, and the peer's address. The last three are null
 * when the call did not come over the API (tests, the demo seeder).
 */
public record Caller(String tenantId, String principalArn, String accessKeyId, String requestId, String sourceIp) {
    public Caller(String tenantId, String principalArn) {
        this(tenantId, principalArn, null, null, null);
    }
}
