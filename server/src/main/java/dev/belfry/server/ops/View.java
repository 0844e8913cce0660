package dev.belfry.server.ops;

import dev.belfry.model.ServiceModel;
import dev.belfry.model.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A domain record as one of the model's output structures: member names with how to read each from the record.
 * {@link #check} runs while the server starts, so a key the structure does not have fails start-up, not a request.
 */
public final class View<T> {
    private final String structure;
    private final List<Map.Entry<String, Function<T, Object>>> members;

    private View(String structure, List<Map.Entry<String, Function<T, Object>>> members) {
        this.structure = structure;
        this.members = members;
    }

    static <T> Builder<T> of(String structure) {
        return new Builder<>(structure);
    }

    /** The record as an output structure, in the declared order; null values are left out by the writer. */
    public Map<String, Object> render(T record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Function<T, Object>> member : members) {
            m.put(member.getKey(), member.getValue().apply(record));
        }
        return m;
    }

    void check(ServiceModel model) {
        if (!(model.shape(structure) instanceof Shape.Structure shape)) {
            throw new IllegalStateException("view of " + structure + ": the model has no such structure");
        }
        for (Map.Entry<String, Function<T, Object>> member : members) {
            if (shape.member(member.getKey()) == null) {
                throw new IllegalStateException("view of " + structure + ": no member " + member.getKey());
            }
        }
    }

    static final class Builder<T> {
        private final String structure;
        private final List<Map.Entry<String, Function<T, Object>>> members = new java.util.ArrayList<>();

        private Builder(String structure) {
            this.structure = structure;
        }

        Builder<T> member(String name, Function<T, Object> read) {
            members.add(Map.entry(name, read));
            return this;
        }

        View<T> build() {
            return new View<>(structure, List.copyOf(members));
        }
    }
}
