package dev.belfry.cli.args;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;

/**
 * --starting-token, --page-size and --max-items for operations with a botocore paginator
 * (customizations/paginate.py); the model's own token and limit members stay usable but undocumented.
 */
final class PagingContributor implements ArgumentTableContributor {
    @Override
    public void contribute(ArgumentTable table, OperationModel op, ServiceModel model) {
        if (model.paginator(op.name()) == null) {
            return;
        }
        table.add(new CliArgument("starting-token", null, CliArgument.Arity.ONE, false, false));
        table.add(new CliArgument("page-size", null, CliArgument.Arity.ONE, false, false));
        table.add(new CliArgument("max-items", null, CliArgument.Arity.ONE, false, false));
    }
}
