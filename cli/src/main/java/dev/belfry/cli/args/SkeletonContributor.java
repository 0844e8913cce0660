package dev.belfry.cli.args;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;

/** --generate-cli-skeleton [input|yaml-input|output] (customizations/generatecliskeleton.py). */
final class SkeletonContributor implements ArgumentTableContributor {
    @Override
    public void contribute(ArgumentTable table, OperationModel op, ServiceModel model) {
        table.add(new CliArgument("generate-cli-skeleton", null, CliArgument.Arity.OPTIONAL, false, false));
    }
}
