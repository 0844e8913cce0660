package dev.belfry.cli.output;

import dev.belfry.cli.CliException;
import dev.belfry.cli.jmespath.JmesPath;
import dev.belfry.cli.jmespath.JmesPathException;

/**
 * --query through Belfry's port of jmespath.py (dev.belfry.cli.jmespath), straight over the parsed response:
 * no conversion, no copy. A bad expression is globalargs.py's ParamValidationError ("Bad value for --query
 * EXPR: MESSAGE", exit 252); errors while searching reach ErrorReporter as they are (the message, exit 255).
 */
final class JmesQuery implements Query {
    private final JmesPath expression;

    private JmesQuery(JmesPath expression) {
        this.expression = expression;
    }

    static Query compile(String text) {
        try {
            return new JmesQuery(JmesPath.compile(text));
        } catch (JmesPathException e) {
            throw new CliException.ParamValidation("Bad value for --query " + text + ": " + e.getMessage());
        }
    }

    @Override
    public Object search(Object data) {
        return expression.search(data);
    }
}
