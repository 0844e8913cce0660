package dev.belfry.server.ops;

import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.UserService;
import java.util.List;

final class UserOperations {
    private UserOperations() {}

    static void register(Operations ops, UserService users) {
        ops.add("CreateUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> username = op.string("Username");
            Field<String> email = op.string("Email");
            EnumField<UserType> userType = op.enumValue("UserType", UserType.class);
            String out = op.output("User");
            return (caller, in) -> Views.single(
                    out,
                    Views.USER.render(users.create(
                            caller, in.get(accountId), in.get(username), in.get(email), in.get(userType))));
        });
        ops.add("GetUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            String out = op.output("User");
            return (caller, in) ->
                    Views.single(out, Views.USER.render(users.get(caller, in.get(accountId), in.get(userId))));
        });
        ops.add("ListUsers", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userEmail = op.string("UserEmail");
            EnumField<UserType> userType = op.enumValue("UserType", UserType.class);
            Field<Integer> maxResults = op.integer("MaxResults");
            Field<String> nextToken = op.string("NextToken");
            Pages pages = Pages.of(op, "Users");
            return (caller, in) -> pages.render(
                    users.list(
                            caller,
                            in.get(accountId),
                            in.get(userEmail),
                            in.get(userType),
                            in.get(maxResults),
                            in.get(nextToken)),
                    Views.USER);
        });
        ops.add("UpdateUser", op -> {
            Field<String> accountId = op.string("AccountId");
            Field<String> userId = op.string("UserId");
            EnumField<License> licenseType = op.enumValue("LicenseType", License.class);
            EnumField<UserType> userType = op.enumValue("UserType", UserType.class);
            String out = op.output("User");
            return (caller, in) -> Views.single(
                    out,
                    Views.USER.render(users.update(
                            caller, in.get(accountId), in.get(userId), in.get(licenseType), in.get(userType))));
        });
        ops.add("BatchSuspendUser", op -> userBatch(op, users::suspend));
        ops.add("BatchUnsuspendUser", op -> userBatch(op, users::unsuspend));
    }

    /** BatchSuspendUser and BatchUnsuspendUser: an account, a list of user ids in, per-user errors out. */
    private static OperationAdapter userBatch(OperationBinding op, UserBatch action) {
        Field<String> accountId = op.string("AccountId");
        Field<List<Object>> userIds = op.list("UserIdList");
        String out = op.output("UserErrors");
        return (caller, in) -> Views.single(
                out,
                action.apply(caller, in.get(accountId), strings(in.get(userIds))).stream()
                        .map(Views.USER_ERROR::render)
                        .toList());
    }

    @FunctionalInterface
    private interface UserBatch {
        List<UserService.UserError> apply(dev.belfry.rooms.Caller caller, String accountId, List<String> userIds);
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String.class::cast).toList();
    }
}
