package dev.belfry.server.ops;

import dev.belfry.rooms.AccountService;
import dev.belfry.rooms.Enums.License;

final class AccountOperations {
    private AccountOperations() {}

    static void register(Operations ops, AccountService accounts) {
        ops.add(
                "CreateAccount",
                (caller, in) -> Views.single("Account", Views.account(accounts.create(caller, in.string("Name")))));
        ops.add(
                "GetAccount",
                (caller, in) -> Views.single("Account", Views.account(accounts.get(caller, in.string("AccountId")))));
        ops.add(
                "ListAccounts",
                (caller, in) -> Pages.of(
                        "Accounts",
                        accounts.list(
                                caller,
                                in.string("Name"),
                                in.string("UserEmail"),
                                in.integer("MaxResults"),
                                in.string("NextToken")),
                        Views::account));
        ops.add(
                "UpdateAccount",
                (caller, in) -> Views.single(
                        "Account",
                        Views.account(accounts.update(
                                caller,
                                in.string("AccountId"),
                                in.string("Name"),
                                in.enumValue("DefaultLicense", License.class)))));
        ops.add("DeleteAccount", (caller, in) -> {
            accounts.delete(caller, in.string("AccountId"));
            return null;
        });
    }
}
