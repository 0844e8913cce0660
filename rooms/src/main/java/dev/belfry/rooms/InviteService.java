package dev.belfry.rooms;

import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.EmailStatus;
import dev.belfry.rooms.Enums.InviteStatus;
import dev.belfry.rooms.Enums.RegistrationStatus;
import dev.belfry.rooms.Enums.UserType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * InviteUsers (D54): Team accounts invite people by email. Each address becomes a user of the account with
 * UserInvitationStatus Pending (a new one, or the same user invited again), and the invitation mail goes out
 * through the {@link InvitationMailer} after the users are committed. EmailStatus says what really happened.
 */
public final class InviteService {
    static final int EMAILS_MAX = 50;

    private final DomainContext ctx;
    private final InvitationMailer mailer;

    public InviteService(DomainContext ctx, InvitationMailer mailer) {
        this.ctx = ctx;
        this.mailer = mailer;
    }

    public List<Invite> invite(Caller caller, String accountId, List<String> emails, UserType userType) {
        if (emails == null || emails.size() > EMAILS_MAX) {
            throw DomainException.badRequest("UserEmailList must hold at most " + EMAILS_MAX + " addresses.");
        }
        // one invitation per address, compared as userByEmail compares them (case-insensitively)
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String email : emails) {
            Text.requireAtMost("EmailAddress", email, UserService.EMAIL_MAX);
            distinct.putIfAbsent(email.toLowerCase(Locale.ROOT), email);
        }
        record Planned(Invite invite, InvitationMailer.Invitation mail, String userId) {}
        List<Planned> planned = ctx.store().write(tx -> {
            Account account = AccountGuard.active(tx, caller, accountId);
            if (account.type() != AccountType.Team) {
                throw DomainException.badRequest("InviteUsers works on Team accounts only; the account " + accountId
                        + " is " + account.type() + ", whose users are added with CreateUser.");
            }
            Instant now = ctx.now();
            List<Planned> out = new ArrayList<>();
            for (String email : distinct.values()) {
                String inviteId = Ids.newId();
                Optional<User> existing = tx.userByEmail(caller.tenantId(), email);
                if (existing.isPresent() && !existing.get().accountId().equals(accountId)) {
                    // an address belongs to one account (CHIME-SEMANTICS §2): nothing is created or sent
                    out.add(new Planned(
                            new Invite(inviteId, InviteStatus.Failed, email, EmailStatus.NotSent), null, null));
                    continue;
                }
                User user;
                if (existing.isPresent()) {
                    user = existing.get().reinvited(now, userType);
                    tx.updateUser(user);
                } else {
                    user = new User(
                            Ids.newId(),
                            accountId,
                            email,
                            null,
                            account.defaultLicense(),
                            userType == null ? UserType.PrivateUser : userType,
                            RegistrationStatus.Unregistered,
                            InviteStatus.Pending,
                            null,
                            now,
                            now);
                    tx.insertUser(user);
                }
                out.add(new Planned(
                        new Invite(inviteId, InviteStatus.Pending, email, EmailStatus.NotSent),
                        new InvitationMailer.Invitation(email, account.name(), accountId, inviteId),
                        user.userId()));
            }
            return out;
        });
        List<Planned> toSend = planned.stream().filter(p -> p.mail() != null).toList();
        List<EmailStatus> statuses = toSend.isEmpty()
                ? List.of()
                : mailer.send(toSend.stream().map(Planned::mail).toList());
        Map<String, EmailStatus> byInvite = new LinkedHashMap<>();
        List<String> failedUsers = new ArrayList<>();
        for (int i = 0; i < toSend.size(); i++) {
            byInvite.put(toSend.get(i).invite().inviteId(), statuses.get(i));
            if (statuses.get(i) == EmailStatus.Failed) {
                failedUsers.add(toSend.get(i).userId());
            }
        }
        if (!failedUsers.isEmpty()) {
            markFailed(accountId, failedUsers);
        }
        return planned.stream()
                .map(p -> byInvite.containsKey(p.invite().inviteId())
                        ? p.invite().withEmailStatus(byInvite.get(p.invite().inviteId()))
                        : p.invite())
                .toList();
    }

    /** A refused mail leaves its user's invitation Failed, so GetUser tells the same story as the answer. */
    private void markFailed(String accountId, List<String> userIds) {
        ctx.store().write(tx -> {
            for (String userId : userIds) {
                tx.user(accountId, userId)
                        .filter(u -> u.invitationStatus() == InviteStatus.Pending)
                        .ifPresent(u -> tx.updateUser(new User(
                                u.userId(),
                                u.accountId(),
                                u.primaryEmail(),
                                u.displayName(),
                                u.licenseType(),
                                u.userType(),
                                u.registrationStatus(),
                                InviteStatus.Failed,
                                u.registeredOn(),
                                u.invitedOn(),
                                u.createdAt(),
                                u.personalPin(),
                                u.primaryProvisionedNumber())));
            }
            return null;
        });
    }
}
