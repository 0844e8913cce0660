package dev.belfry.cli.args;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;

/** Adds options that do not come from the input shape (the AWS CLI's building-argument-table hooks). */
public interface ArgumentTableContributor {
    void contribute(ArgumentTable table, OperationModel op, ServiceModel model);
}
