package dev.belfry.model;

import java.util.List;

/**
 * One operation: its HTTP binding, input/output structures (either may be null) and declared errors.
 *
 * @param requestUri the model's template, e.g. {@code /accounts/{accountId}/users?operation=create}
 */
public record OperationModel(
        String name,
        String httpMethod,
        String requestUri,
        int responseCode,
        Shape.Structure input,
        Shape.Structure output,
        List<String> errors,
        boolean deprecated,
        String documentation) {

    public boolean declaresError(String errorShapeName) {
        return errors.contains(errorShapeName);
    }
}
