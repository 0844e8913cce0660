package dev.belfry.cli.args;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;

/** --cli-input-json and --cli-input-yaml (customizations/cliinput.py). Merged in {@code CallParameters}. */
final class CliInputContributor implements ArgumentTableContributor {
    @Override
    public void contribute(ArgumentTable table, OperationModel op, ServiceModel model) {
        table.add(new CliArgument("cli-input-json", null, CliArgument.Arity.ONE, false, false));
        table.add(new CliArgument("cli-input-yaml", null, CliArgument.Arity.ONE, false, false));
    }
}
