package dev.belfry.server.ops;

import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.InviteService;
import dev.belfry.rooms.UserService;
import java.util.List;
import java.util.Map;

/** Issue 13's user operations: BatchUpdateUser (D59), InviteUsers (D54), LogoutUser (D56), ResetPersonalPIN (D57). */
final class UserAdminOperations {
    private UserAdminOperations() {}

    static void register(Operations ops, UserService users, InviteService invites) {
        ops.add("BatchUpdateUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<List<Object>> items = op.list("UpdateUserRequestItems");
            String itemUserId = op.itemMember("UpdateUserRequestItems", "UserId");
            String itemLicense = op.itemMember("UpdateUserRequestItems", "LicenseType");
            String itemUserType = op.itemMember("UpdateUserRequestItems", "UserType");
            String out = op.output("UserErrors");
            return (caller, in) -> {
                List<UserService.UpdateItem> parsed = in.get(items).stream()
                        .map(o -> {
                            Map<?, ?> item = (Map<?, ?>) o;
                            // the validator has checked both enums against the model's values
                            return new UserService.UpdateItem(
                                    (String) item.get(itemUserId),
                                    item.get(itemLicense) == null
                                            ? null
                                            : License.valueOf((String) item.get(itemLicense)),
                                    item.get(itemUserType) == null
                                            ? null
                                            : UserType.valueOf((String) item.get(itemUserType)));
                        })
                        .toList();
                return Views.single(
                        out,
                        users.batchUpdate(caller, in.get(accountId), parsed).stream()
                                .map(Views.USER_ERROR::render)
                                .toList());
            };
        });
        ops.add("InviteUsers", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<List<Object>> emails = op.list("UserEmailList");
            EnumField<UserType> userType = op.enumValue("UserType", UserType.class);
            String out = op.output("Invites");
            return (caller, in) -> Views.single(
                    out,
                    invites
                            .invite(
                                    caller,
                                    in.get(accountId),
                                    in.get(emails).stream()
                                            .map(String.class::cast)
                                            .toList(),
                                    in.get(userType))
                            .stream()
                            .map(Views.INVITE::render)
                            .toList());
        });
        ops.add("LogoutUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            return (caller, in) -> {
                users.logout(caller, in.get(accountId), in.get(userId));
                return null;
            };
        });
        ops.add("ResetPersonalPIN", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            String out = op.output("User");
            return (caller, in) -> Views.single(
                    out, Views.USER.render(users.resetPersonalPin(caller, in.get(accountId), in.get(userId))));
        });
    }
}
