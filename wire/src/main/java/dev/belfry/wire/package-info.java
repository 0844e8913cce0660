/**
 * The AWS rest-json protocol as the Chime model describes it: reading request members from labels,
 * query string, headers and the JSON body; validating them against the model's constraints; writing
 * output and error bodies; timestamps. Every rule comes from the {@link dev.belfry.model.ServiceModel};
 * nothing here names a Chime operation.
 */
package dev.belfry.wire;
