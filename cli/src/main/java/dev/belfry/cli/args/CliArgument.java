package dev.belfry.cli.args;

import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;

/**
 * One entry of an operation's argument table: a model member (kebab-cased) or a contributed option.
 *
 * @param name the option without its leading dashes, e.g. {@code membership-item-list}
 * @param member the input member it fills, or null for contributed options
 * @param arity how many command-line words it takes
 * @param required whether argparse demands it (model-required and not an idempotency token)
 * @param hidden kept out of the usage line and help, like the paging members the AWS CLI hides
 */
public record CliArgument(String name, ShapeMember member, Arity arity, boolean required, boolean hidden) {

    /** How argparse consumes words for an option. */
    public enum Arity {
        /** exactly one value */
        ONE,
        /** nargs='+': lists */
        MANY,
        /** store_true with a --no- twin */
        FLAG,
        /** nargs='?' with a const (--generate-cli-skeleton) */
        OPTIONAL
    }

    public String cliName() {
        return "--" + name;
    }

    public Shape shape() {
        return member == null ? null : member.shape();
    }

    public CliArgument notRequired() {
        return new CliArgument(name, member, arity, false, hidden);
    }
}
