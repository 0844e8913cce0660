package dev.belfry.server.ops;

import dev.belfry.rooms.Enums.License;
import dev.belfry.rooms.Enums.UserType;
import dev.belfry.rooms.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class UserOperations {
    private UserOperations() {}

    static void register(Operations ops, UserService users) {
        ops.add(
                "CreateUser",
                (caller, in) -> Views.single(
                        "User",
                        Views.user(users.create(
                                caller,
                                in.string("AccountId"),
                                in.string("Username"),
                                in.string("Email"),
                                in.enumValue("UserType", UserType.class)))));
        ops.add(
                "GetUser",
                (caller, in) -> Views.single(
                        "User", Views.user(users.get(caller, in.string("AccountId"), in.string("UserId")))));
        ops.add(
                "ListUsers",
                (caller, in) -> Pages.of(
                        "Users",
                        users.list(
                                caller,
                                in.string("AccountId"),
                                in.string("UserEmail"),
                                in.enumValue("UserType", UserType.class),
                                in.integer("MaxResults"),
                                in.string("NextToken")),
                        Views::user));
        ops.add(
                "UpdateUser",
                (caller, in) -> Views.single(
                        "User",
                        Views.user(users.update(
                                caller,
                                in.string("AccountId"),
                                in.string("UserId"),
                                in.enumValue("LicenseType", License.class),
                                in.enumValue("UserType", UserType.class)))));
        ops.add(
                "BatchSuspendUser",
                (caller, in) -> errors(users.suspend(caller, in.string("AccountId"), strings(in.list("UserIdList")))));
        ops.add(
                "BatchUnsuspendUser",
                (caller, in) ->
                        errors(users.unsuspend(caller, in.string("AccountId"), strings(in.list("UserIdList")))));
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String.class::cast).toList();
    }

    private static Map<String, Object> errors(List<UserService.UserError> errors) {
        return Views.single(
                "UserErrors",
                errors.stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("UserId", e.userId());
                            m.put("ErrorCode", ErrorCodes.itemCode(e.failure()));
                            m.put("ErrorMessage", e.message());
                            return m;
                        })
                        .toList());
    }
}
