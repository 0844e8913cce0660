package dev.belfry.server.ops;

import dev.belfry.rooms.AccountService;
import dev.belfry.rooms.Enums.License;

final class AccountOperations {
    private AccountOperations() {}

    static void register(Operations ops, AccountService accounts) {
        ops.add("CreateAccount", op -> {
            Field<String> name = op.string("Name");
            String out = op.output("Account");
            return (caller, in) -> Views.single(out, Views.ACCOUNT.render(accounts.create(caller, in.get(name))));
        });
        ops.add("GetAccount", op -> {
            Field<String> accountId = op.string("AccountId");
            String out = op.output("Account");
            return (caller, in) -> Views.single(out, Views.ACCOUNT.render(accounts.get(caller, in.get(accountId))));
        });
        ops.add("ListAccounts", op -> {
            Field<String> name = op.string("Name");
            Field<String> userEmail = op.string("UserEmail");
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "Accounts");
            return (caller, in) -> pages.render(
                    accounts.list(caller, in.get(name), in.get(userEmail), in.get(maxResults), in.get(nextToken)),
                    Views.ACCOUNT);
        });
        ops.add("UpdateAccount", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> name = op.string("Name");
            EnumField<License> defaultLicense = op.enumValue("DefaultLicense", License.class);
            String out = op.output("Account");
            return (caller, in) -> Views.single(
                    out,
                    Views.ACCOUNT.render(
                            accounts.update(caller, in.get(accountId), in.get(name), in.get(defaultLicense))));
        });
        ops.add("DeleteAccount", op -> {
            Field<String> accountId = op.string("AccountId");
            return (caller, in) -> {
                accounts.delete(caller, in.get(accountId));
                return null;
            };
        });
    }
}
