package dev.belfry.cli.skeleton;

import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore's ArgumentGenerator: a sample value for a shape ("" or the first enum value for strings, 0,
 * 0.0, true, "1970-01-01T00:00:00" for timestamps, one-element lists, {"KeyName": ...} for maps; a
 * structure seen twice on the current path becomes {}). With member names, strings are the member name.
 */
public final class SkeletonGenerator {
    private final boolean useMemberNames;

    public SkeletonGenerator(boolean useMemberNames) {
        this.useMemberNames = useMemberNames;
    }

    public Object generate(Shape shape) {
        return generate(shape, new ArrayList<>(), "");
    }

    private Object generate(Shape shape, List<String> stack, String name) {
        stack.add(shape.name());
        try {
            if (shape instanceof Shape.Structure struct) {
                if (java.util.Collections.frequency(stack, shape.name()) > 1) {
                    return new LinkedHashMap<>();
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (ShapeMember m : struct.members().values()) {
                    out.put(m.name(), generate(m.shape(), stack, m.name()));
                }
                return out;
            } else if (shape instanceof Shape.ListOf list) {
                List<Object> out = new ArrayList<>();
                out.add(generate(
                        list.member().shape(), stack, list.member().shape().name()));
                return out;
            } else if (shape instanceof Shape.MapOf map) {
                Map<String, Object> out = new LinkedHashMap<>();
                String key = useMemberNames ? "KeyName" : "KeyName";
                out.put(key, generate(map.value().shape(), stack, name));
                return out;
            } else if (shape instanceof Shape.Str str) {
                if (useMemberNames) {
                    return name;
                }
                return str.enumValues().isEmpty() ? "" : str.enumValues().get(0);
            } else if (shape instanceof Shape.Num num) {
                return num.integral() ? (Object) 0L : (Object) 0.0;
            } else if (shape instanceof Shape.Bool) {
                return Boolean.TRUE;
            } else if (shape instanceof Shape.Timestamp) {
                return "1970-01-01T00:00:00";
            }
            return "";
        } finally {
            stack.remove(stack.size() - 1);
        }
    }
}
