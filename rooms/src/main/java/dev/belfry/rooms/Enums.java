package dev.belfry.rooms;

/** The closed vocabularies of the Chime model that the domain reasons about. Names equal the wire values. */
public final class Enums {
    private Enums() {}

    public enum AccountType {
        Team,
        EnterpriseDirectory,
        EnterpriseLWA,
        EnterpriseOIDC;

        public boolean enterprise() {
            return this != Team;
        }
    }

    public enum AccountStatus {
        Active,
        Suspended
    }

    public enum License {
        Basic,
        Plus,
        Pro,
        ProTrial
    }

    public enum UserType {
        PrivateUser,
        SharedDevice
    }

    public enum RegistrationStatus {
        Unregistered,
        Registered,
        Suspended
    }

    public enum InviteStatus {
        Pending,
        Accepted,
        Failed
    }

    /** Whether InviteUsers mailed an invitation (D54). */
    public enum EmailStatus {
        NotSent,
        Sent,
        Failed
    }

    public enum Role {
        Administrator,
        Member
    }

    public enum MemberType {
        User,
        Bot,
        Webhook
    }
}
