package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import dev.belfry.rooms.AccountService;
import dev.belfry.rooms.Enums.AccountStatus;
import dev.belfry.rooms.Enums.AccountType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator operations the Chime API never had (D2, D3), served under {@code /_belfry/admin/} with the same
 * SigV4 authentication, binding, validation and error shapes as the API. Their inputs are built from the
 * model's own member shapes, so an AccountType is validated exactly as Chime's enum.
 */
public final class AdminOperations {
    public static final String CREATE_ACCOUNT_PATH = "/_belfry/admin/accounts";
    private final OperationModel createAccount;
    private final OperationModel setAccountStatus;

    public AdminOperations(ServiceModel model, Operations operations, AccountService accounts) {
        List<OperationModel> models = models(model);
        this.createAccount = models.get(0);
        this.setAccountStatus = models.get(1);
        operations.add(createAccount, op -> {
            Field<String> name = op.string("Name");
            EnumField<AccountType> type = op.enumValue("AccountType", AccountType.class);
            String out = op.output("Account");
            return (caller, in) -> Views.single(
                    out, Views.ACCOUNT.render(accounts.create(caller.tenantId(), in.get(name), in.get(type))));
        });
        operations.add(setAccountStatus, op -> {
            Field<String> accountId = op.string("AccountId");
            EnumField<AccountStatus> status = op.enumValue("AccountStatus", AccountStatus.class);
            String out = op.output("Account");
            return (caller, in) -> Views.single(
                    out, Views.ACCOUNT.render(accounts.setStatus(caller, in.get(accountId), in.get(status))));
        });
    }

    /**
     * The admin operations' models, BelfryCreateAccount then BelfrySetAccountStatus, built from the Chime model's
     * own shapes: the server routes and validates by them, and {@code belfry admin} sends by them.
     */
    public static List<OperationModel> models(ServiceModel model) {

        Shape.Structure account = (Shape.Structure) model.shape("Account");
        Shape.Structure createInput = structure(
                "BelfryCreateAccountRequest",
                Map.of("Name", account.member("Name"), "AccountType", account.member("AccountType")),
                Set.of("Name", "AccountType"));
        Shape.Structure statusInput = structure(
                "BelfrySetAccountStatusRequest",
                Map.of(
                        "AccountId",
                        model.operation("GetAccount").input().member("AccountId"),
                        "AccountStatus",
                        account.member("AccountStatus")),
                Set.of("AccountId", "AccountStatus"));
        Shape.Structure output = model.operation("CreateAccount").output();
        OperationModel createAccount = new OperationModel(
                "BelfryCreateAccount",
                "POST",
                CREATE_ACCOUNT_PATH,
                201,
                createInput,
                output,
                List.of("BadRequestException", "NotFoundException", "ForbiddenException"),
                false,
                null);
        OperationModel setAccountStatus = new OperationModel(
                "BelfrySetAccountStatus",
                "POST",
                CREATE_ACCOUNT_PATH + "/{accountId}/status",
                200,
                statusInput,
                output,
                List.of("BadRequestException", "NotFoundException"),
                false,
                null);
        return List.of(createAccount, setAccountStatus);
    }

    /** The admin operations, routed like any model operation by their request URIs. */
    public List<OperationModel> operations() {
        return List.of(createAccount, setAccountStatus);
    }

    private static Shape.Structure structure(String name, Map<String, ShapeMember> members, Set<String> required) {
        Map<String, ShapeMember> ordered = new LinkedHashMap<>();
        members.keySet().stream().sorted().forEach(k -> {
            ShapeMember m = members.get(k);
            // AccountId travels in the path here, as in every Chime account operation.
            ordered.put(
                    k,
                    k.equals("AccountId")
                            ? m
                            : new ShapeMember(k, m.target(), null, null, false, false, m.documentation()));
        });
        return new Shape.Structure(name, ordered, required, null, null);
    }
}
