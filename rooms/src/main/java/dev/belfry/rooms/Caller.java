package dev.belfry.rooms;

/**
 * Who is calling: the tenant (an AWS account id) the credential acts for, and the principal ARN that
 * becomes CreatedBy / InvitedBy (D7).
 */
public record Caller(String tenantId, String principalArn) {}
