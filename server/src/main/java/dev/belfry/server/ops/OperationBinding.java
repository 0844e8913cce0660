package dev.belfry.server.ops;

import dev.belfry.model.OperationModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.util.List;
import java.util.Map;

/**
 * What an adapter may read and write, checked against its operation's shapes while the server starts: an adapter
 * that names a member the model does not have (a typo, a renamed member) stops start-up with the operation and
 * the member named, instead of answering requests with nulls.
 */
public final class OperationBinding {
    private final OperationModel operation;

    OperationBinding(OperationModel operation) {
        this.operation = operation;
    }

    public Field<String> string(String member) {
        return field(member, Shape.Str.class, String.class);
    }

    public Field<Integer> integer(String member) {
        return field(member, Shape.Num.class, Integer.class);
    }

    public Field<java.time.Instant> timestamp(String member) {
        return field(member, Shape.Timestamp.class, java.time.Instant.class);
    }

    public Field<Boolean> bool(String member) {
        return field(member, Shape.Bool.class, Boolean.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Field<List<Object>> list(String member) {
        return (Field) field(member, Shape.ListOf.class, List.class);
    }

    /**
     * A structure member, read as a map keyed by member name; {@code nested} are the paths (dot-separated) of the
     * members the adapter reads inside it, each checked to exist.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Field<Map<String, Object>> structure(String member, String... nested) {
        Shape.Structure shape = (Shape.Structure) shapeOf(operation.input(), member, Shape.Structure.class, "input");
        for (String path : nested) {
            Shape.Structure at = shape;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                ShapeMember m = at.member(parts[i]);
                if (m == null) {
                    throw mismatch(member + " has no member " + path);
                }
                if (i < parts.length - 1) {
                    if (!(m.shape() instanceof Shape.Structure next)) {
                        throw mismatch(member + "." + path + " does not lead through structures");
                    }
                    at = next;
                }
            }
        }
        return (Field) field(member, Shape.Structure.class, Map.class);
    }

    /** The name of a member of the structures in the input list {@code listMember}, checked to be one. */
    public String itemMember(String listMember, String member) {
        Shape.ListOf list = (Shape.ListOf) shapeOf(operation.input(), listMember, Shape.ListOf.class, "input");
        if (!(list.member().shape() instanceof Shape.Structure item) || item.member(member) == null) {
            throw mismatch("the items of " + listMember + " have no member " + member);
        }
        return member;
    }

    /** An enum member whose every model value must be a constant of {@code type}. */
    public <E extends Enum<E>> EnumField<E> enumValue(String member, Class<E> type) {
        Shape.Str shape = (Shape.Str) shapeOf(operation.input(), member, Shape.Str.class, "input");
        for (String value : shape.enumValues()) {
            try {
                Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw mismatch(member + "'s value " + value + " has no constant in " + type.getSimpleName());
            }
        }
        return new EnumField<>(member, type);
    }

    /** An output member name, checked to be one. */
    public String output(String member) {
        shapeOf(operation.output(), member, Shape.class, "output");
        return member;
    }

    private <T> Field<T> field(String member, Class<? extends Shape> shapeType, Class<T> javaType) {
        shapeOf(operation.input(), member, shapeType, "input");
        return new Field<>(member, javaType);
    }

    private Shape shapeOf(Shape.Structure structure, String member, Class<? extends Shape> expected, String side) {
        ShapeMember m = structure == null ? null : structure.member(member);
        if (m == null) {
            throw mismatch("its " + side + " has no member " + member);
        }
        if (!expected.isInstance(m.shape())) {
            throw mismatch(
                    member + " is a " + m.shape().getClass().getSimpleName() + ", not a " + expected.getSimpleName());
        }
        return m.shape();
    }

    private IllegalStateException mismatch(String what) {
        return new IllegalStateException("the adapter of " + operation.name() + " does not fit the model: " + what);
    }
}
