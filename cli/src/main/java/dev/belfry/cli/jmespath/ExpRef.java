package dev.belfry.cli.jmespath;

/**
 * The value of {@code &expression}: jmespath.py's {@code _Expression}. It can escape as a query's result
 * ({@code --query '&Name'}); its text is then Python's default object repr.
 */
public final class ExpRef {
    final Node expression;

    ExpRef(Node expression) {
        this.expression = expression;
    }

    @Override
    public String toString() {
        return "<jmespath.visitor._Expression object at 0x"
                + Long.toHexString(0x7f0000000000L + System.identityHashCode(this) * 16L) + ">";
    }
}
