package dev.belfry.cli.param;

import dev.belfry.model.Shape;

/** botocore's {@code shape.type_name} for the model's sealed shapes, and the predicates argprocess.py uses. */
public final class Shapes {
    private Shapes() {}

    public static String typeName(Shape shape) {
        if (shape instanceof Shape.Structure) {
            return "structure";
        } else if (shape instanceof Shape.ListOf) {
            return "list";
        } else if (shape instanceof Shape.MapOf) {
            return "map";
        } else if (shape instanceof Shape.Str) {
            return "string";
        } else if (shape instanceof Shape.Num n) {
            return n.kind();
        } else if (shape instanceof Shape.Bool) {
            return "boolean";
        } else if (shape instanceof Shape.Timestamp) {
            return "timestamp";
        }
        return "blob";
    }

    public static boolean isComplex(Shape shape) {
        return shape instanceof Shape.Structure || shape instanceof Shape.ListOf || shape instanceof Shape.MapOf;
    }

    /** {@code _supports_shorthand_syntax}: structures, maps, and lists of complex shapes. */
    public static boolean supportsShorthand(Shape shape) {
        if (shape instanceof Shape.ListOf list) {
            return isComplex(list.member().shape());
        }
        return isComplex(shape);
    }
}
