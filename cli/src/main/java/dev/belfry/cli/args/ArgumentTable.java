package dev.belfry.cli.args;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's options, built from its input shape (kebab-cased members, lists take many words,
 * booleans get a --no- twin, idempotency tokens are never required) and then extended by each
 * {@link ArgumentTableContributor} in order, as the AWS CLI's building-argument-table handlers do.
 */
public final class ArgumentTable {
    private static final List<ArgumentTableContributor> CONTRIBUTORS =
            List.of(new CliInputContributor(), new SkeletonContributor(), new PagingContributor());

    private final Map<String, CliArgument> arguments = new LinkedHashMap<>();

    private ArgumentTable() {}

    public static ArgumentTable of(OperationModel op, ServiceModel model) {
        ArgumentTable table = new ArgumentTable();
        Shape.Structure input = op.input();
        if (input != null) {
            for (ShapeMember m : input.members().values()) {
                CliArgument.Arity arity = m.shape() instanceof Shape.ListOf
                        ? CliArgument.Arity.MANY
                        : m.shape() instanceof Shape.Bool ? CliArgument.Arity.FLAG : CliArgument.Arity.ONE;
                boolean required = input.isRequired(m.name()) && !m.idempotencyToken();
                table.add(new CliArgument(Names.kebab(m.name()), m, arity, required, false));
            }
        }
        for (ArgumentTableContributor contributor : CONTRIBUTORS) {
            contributor.contribute(table, op, model);
        }
        return table;
    }

    public void add(CliArgument argument) {
        arguments.put(argument.name(), argument);
    }

    public CliArgument get(String name) {
        return arguments.get(name);
    }

    public Map<String, CliArgument> arguments() {
        return arguments;
    }
}
