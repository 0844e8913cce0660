package dev.belfry.store;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.InviteStatus;
import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.MemberType;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.Role;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.Member;
import dev.belfry.rooms.Membership;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records with every field set; timestamps in whole millis, the store's precision. */
final class Fixtures {
    private Fixtures() {}

    static final Instant T0 = Instant.parse("2019-12-02T22:29:31.549Z");

    static Instant at(long plusMillis) {
        return T0.plusMillis(plusMillis);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static Account account(String tenant, String name, long created) {
        return new Account(
                id(),
                tenant,
                name,
                AccountType.EnterpriseLWA,
                AccountStatus.Active,
                License.Pro,
                List.of(License.Basic, License.Pro),
                at(created));
    }

    static User user(String accountId, String email, long created) {
        return new User(
                id(),
                accountId,
                email,
                "User " + email,
                License.Pro,
                UserType.PrivateUser,
                RegistrationStatus.Registered,
                InviteStatus.Accepted,
                at(created + 1),
                at(created + 2),
                at(created));
    }

    static User bareUser(String accountId, long created) {
        return new User(id(), accountId, null, null, null, null, null, null, null, null, at(created));
    }

    static Bot bot(String accountId, String name, long created) {
        String botId = id();
        return new Bot(
                botId, accountId, name, false, at(created), at(created + 5), botId + "@example.com", "tok-" + botId);
    }

    static Room room(String accountId, String name, long created) {
        return new Room(id(), accountId, name, "arn:aws:iam::111122223333:user/alejandro", at(created), at(created));
    }

    static Member member(User u) {
        return new Member(u.userId(), MemberType.User, u.primaryEmail(), u.displayName(), u.accountId(), null);
    }

    static Member member(Bot b) {
        return new Member(b.botId(), MemberType.Bot, b.botEmail(), b.displayName(), b.accountId(), null);
    }

    static Membership membership(Room r, Member m, Role role, long added) {
        return new Membership(r.roomId(), m, role, "arn:aws:iam::111122223333:user/admin", at(added), at(added));
    }
}
