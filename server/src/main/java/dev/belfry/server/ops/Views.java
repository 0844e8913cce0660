package dev.belfry.server.ops;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.User;
import java.util.LinkedHashMap;
import java.util.Map;

/** Domain records as output structures, keyed by the model's member names. Nulls are left out by the writer. */
public final class Views {
    private Views() {}

    public static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AwsAccountId", a.awsAccountId());
        m.put("AccountId", a.accountId());
        m.put("Name", a.name());
        m.put("AccountType", a.type());
        m.put("CreatedTimestamp", a.createdAt());
        m.put("DefaultLicense", a.defaultLicense());
        m.put("SupportedLicenses", a.supportedLicenses());
        m.put("AccountStatus", a.status());
        return m;
    }

    public static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("UserId", u.userId());
        m.put("AccountId", u.accountId());
        m.put("PrimaryEmail", u.primaryEmail());
        m.put("DisplayName", u.displayName());
        m.put("LicenseType", u.licenseType());
        m.put("UserType", u.userType());
        m.put("UserRegistrationStatus", u.registrationStatus());
        m.put("UserInvitationStatus", u.invitationStatus());
        m.put("RegisteredOn", u.registeredOn());
        m.put("InvitedOn", u.invitedOn());
        return m;
    }

    public static Map<String, Object> bot(Bot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("BotId", b.botId());
        m.put("UserId", b.userId());
        m.put("DisplayName", b.displayName());
        m.put("BotType", "ChatBot");
        m.put("Disabled", b.disabled());
        m.put("CreatedTimestamp", b.createdAt());
        m.put("UpdatedTimestamp", b.updatedAt());
        m.put("BotEmail", b.botEmail());
        m.put("SecurityToken", b.securityToken());
        return m;
    }

    public static Map<String, Object> room(Room r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RoomId", r.roomId());
        m.put("Name", r.name());
        m.put("AccountId", r.accountId());
        m.put("CreatedBy", r.createdBy());
        m.put("CreatedTimestamp", r.createdAt());
        m.put("UpdatedTimestamp", r.updatedAt());
        return m;
    }

    public static Map<String, Object> membership(Membership ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RoomId", ms.roomId());
        m.put("Member", member(ms.member()));
        m.put("Role", ms.role());
        m.put("InvitedBy", ms.invitedBy());
        m.put("UpdatedTimestamp", ms.updatedAt());
        return m;
    }

    static Map<String, Object> member(Member member) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MemberId", member.memberId());
        m.put("MemberType", member.type());
        m.put("Email", member.email());
        m.put("FullName", member.fullName());
        m.put("AccountId", member.accountId());
        return m;
    }

    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
