package dev.belfry.app;

import dev.belfry.rooms.Account;
import dev.belfry.rooms.Bot;
import dev.belfry.rooms.Caller;
import dev.belfry.rooms.Enums.AccountType;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.Room;
import dev.belfry.rooms.RoomsDomain;
import dev.belfry.rooms.User;
import dev.belfry.server.BelfryServer;
import dev.belfry.server.auth.Credential;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serve --demo}: an Enterprise account with three users, a bot and a room, then ready-to-paste
 * commands that reproduce the seed page's example. Seeding again on a restart reuses the demo account.
 */
final class DemoSeeder {
    static final String ACCOUNT_NAME = "Belfry Demo";
    private final BelfryServer server;
    private final BannerCredential banner;
    private final PrintStream out;

    DemoSeeder(BelfryServer server, BannerCredential banner, PrintStream out) {
        this.server = server;
        this.banner = banner;
        this.out = out;
    }

    void seed() {
        RoomsDomain domain = server.domain();
        Credential credential = server.credentials().all().get(0);
        Caller caller = credential.caller();
        Account account = domain.accounts().list(caller, ACCOUNT_NAME, null, 200, null).items().stream()
                .filter(a -> a.name().equals(ACCOUNT_NAME))
                .findFirst()
                .orElseGet(() -> domain.accounts().create(caller.tenantId(), ACCOUNT_NAME, AccountType.EnterpriseLWA));
        List<User> users = new ArrayList<>(domain.users()
                .list(caller, account.accountId(), null, null, 200, null)
                .items());
        for (String name : List.of("alejandro", "janed", "jorge")) {
            if (users.stream().noneMatch(u -> (name + "@example.com").equals(u.primaryEmail()))) {
                users.add(domain.users()
                        .create(caller, account.accountId(), name, name + "@example.com", UserType.PrivateUser));
            }
        }
        List<Bot> bots =
                domain.bots().list(caller, account.accountId(), 99, null).items();
        Bot bot = bots.isEmpty()
                ? domain.bots().create(caller, account.accountId(), "myBot", "example.com")
                : bots.get(0);
        List<Room> rooms =
                domain.rooms().list(caller, account.accountId(), null, 99, null).items();
        Room room =
                rooms.isEmpty() ? domain.rooms().create(caller, account.accountId(), "chatRoom", null) : rooms.get(0);
        print(account, users, bot, room);
    }

    private void print(Account account, List<User> users, Bot bot, Room room) {
        String items = "\"MemberId=" + users.get(0).userId() + ",Role=Administrator\" \"MemberId="
                + users.get(1).userId() + ",Role=Member\"";
        String args = " chime batch-create-room-membership --account-id " + account.accountId() + " --room-id "
                + room.roomId() + " --membership-item-list " + items;
        String env = banner.environment() + " AWS_DEFAULT_REGION=us-east-1";
        out.println();
        out.println("Demo data (Enterprise account \"" + account.name() + "\"):");
        out.println("  account " + account.accountId() + "  room " + room.roomId() + " (" + room.name() + ")");
        users.forEach(u -> out.println("  user    " + u.userId() + "  " + u.primaryEmail()));
        out.println("  bot     " + bot.botId() + "  " + bot.displayName());
        out.println();
        out.println("The seed page's example, with the AWS CLI v2:");
        out.println("  " + env + " /usr/bin/aws --endpoint-url " + server.url() + args);
        out.println("and with Belfry's own command line:");
        out.println("  " + env + " ./belfry" + args.replace(" chime ", " chime ") + " --endpoint-url " + server.url());
        out.println("then list the room's members:");
        out.println("  " + env + " /usr/bin/aws --endpoint-url " + server.url()
                + " chime list-room-memberships --account-id " + account.accountId() + " --room-id " + room.roomId());
        out.flush();
    }
}
