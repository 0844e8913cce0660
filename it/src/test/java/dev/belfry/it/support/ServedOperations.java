package dev.belfry.it.support;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import dev.belfry.server.BelfryServer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations a running server implements, read from its own operation table and described by the model, so the
 * suites that sweep "every operation" cover a new one without being edited.
 */
public final class ServedOperations {
    private final ServiceModel model;
    private final List<OperationModel> served;

    public ServedOperations(BelfryServer server, ServiceModel model) {
        this.model = model;
        this.served = server.operationNames().stream()
                .filter(model::hasOperation) // Belfry's admin operations are not in the model
                .map(model::operation)
                .sorted(java.util.Comparator.comparing(OperationModel::name))
                .toList();
    }

    /** Operations on something inside an account: the path carries {accountId}. */
    public List<String> accountScoped() {
        return names(op -> op.requestUri().contains("{accountId}"));
    }

    /**
     * Operations on a tenant's own resources outside any account (phone numbers, orders): no {accountId} in the
     * path, but another label, or a batch of ids in the body.
     */
    public List<String> tenantScopedWithIds() {
        return names(op -> !op.requestUri().contains("{accountId}")
                && (op.requestUri().contains("{") || op.name().startsWith("Batch")));
    }

    /** Operations whose input has members in the JSON body. */
    public List<String> withBody() {
        return names(op ->
                op.input() != null && op.input().members().values().stream().anyMatch(ShapeMember::inBody));
    }

    private List<String> names(java.util.function.Predicate<OperationModel> filter) {
        return served.stream().filter(filter).map(OperationModel::name).toList();
    }

    /**
     * A body with every required body member of {@code operation}, for operations a suite has no hand-written body
     * for: an enum's first value, a list of one item, {@code ids} for a member whose name it has (e.g. MemberId), and
     * a short word for any other string.
     */
    public String minimalBody(String operation, Function<String, String> ids) {
        Shape.Structure input = model.operation(operation).input();
        return input == null ? "{}" : requiredMembers(input, ids);
    }

    /** A JSON object of the structure's required members (body members only, for an operation's input). */
    private static String requiredMembers(Shape.Structure structure, Function<String, String> ids) {
        StringBuilder json = new StringBuilder("{");
        for (ShapeMember m : structure.members().values()) {
            if (m.inBody() && structure.isRequired(m.name())) {
                json.append(json.length() > 1 ? "," : "")
                        .append('"')
                        .append(m.wireName())
                        .append("\":")
                        .append(sample(m.name(), m.shape(), ids));
            }
        }
        return json.append('}').toString();
    }

    private static String sample(String name, Shape shape, Function<String, String> ids) {
        if (shape instanceof Shape.Str s) {
            String id = ids.apply(name);
            String value = !s.enumValues().isEmpty() ? s.enumValues().get(0) : id != null ? id : "sample";
            return '"' + fitting(s, value) + '"';
        }
        if (shape instanceof Shape.ListOf list) {
            return "[" + sample(singular(name), list.member().shape(), ids) + "]";
        }
        if (shape instanceof Shape.Bool) {
            return "true";
        }
        if (shape instanceof Shape.Num n) {
            return String.valueOf(n.min() == null ? 1 : Math.max(1, n.min()));
        }
        if (shape instanceof Shape.Structure structure) {
            String required = requiredMembers(structure, ids);
            // a nested structure with no required members (a SigninDelegateGroup, RetentionSettings) gets its first
            // member, so the body says something rather than an empty {} a server may rightly refuse
            if (required.equals("{}") && !structure.members().isEmpty()) {
                ShapeMember first = structure.members().values().iterator().next();
                return "{\"" + first.wireName() + "\":" + sample(first.name(), first.shape(), ids) + "}";
            }
            return required;
        }
        return "null";
    }

    /** Values for strings whose model pattern a plain word or id does not match (an email list, a phone number). */
    private static final List<String> PATTERNED = List.of("sample@example.com", "+12065550100");

    /** The value, or the first {@link #PATTERNED} one the shape's pattern accepts when the value does not fit it. */
    private static String fitting(Shape.Str shape, String value) {
        if (shape.pattern() == null || matches(shape.pattern(), value)) {
            return value;
        }
        return PATTERNED.stream()
                .filter(v -> matches(shape.pattern(), v))
                .findFirst()
                .orElse(value);
    }

    private static boolean matches(String pattern, String value) {
        return java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.DOTALL)
                .matcher(value)
                .matches(); // whole-value, as the server's InputValidator
    }

    /** UserIdList → UserId, so a list of ids gets the id its name asks for. */
    private static String singular(String listName) {
        return listName.endsWith("List") ? listName.substring(0, listName.length() - 4) : listName;
    }

    /** Placeholder for maps of ids when a caller has none. */
    public static Function<String, String> noIds() {
        return Map.<String, String>of()::get;
    }
}
