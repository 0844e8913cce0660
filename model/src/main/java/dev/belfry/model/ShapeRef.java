package dev.belfry.model;

/** A reference to a shape by name, bound after the whole model has been read. Thread-safe once loading returns. */
public final class ShapeRef {
    private final String name;
    private volatile Shape shape;

    ShapeRef(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Shape get() {
        Shape resolved = shape;
        if (resolved == null) {
            throw new IllegalStateException("shape " + name + " is not defined in the model");
        }
        return resolved;
    }

    void bind(Shape resolved) {
        this.shape = resolved;
    }

    @Override
    public String toString() {
        return name;
    }
}
