package dev.belfry.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One named shape of the service model. Visitors are {@code switch} expressions over the permitted records. */
public sealed interface Shape
        permits Shape.Structure,
                Shape.ListOf,
                Shape.MapOf,
                Shape.Str,
                Shape.Num,
                Shape.Bool,
                Shape.Timestamp,
                Shape.Blob {

    String name();

    String documentation();

    /** A structure; also the shape of input, output and error bodies. Members keep the model's order. */
    record Structure(
            String name, Map<String, ShapeMember> members, Set<String> required, ErrorTrait error, String documentation)
            implements Shape {
        public boolean isRequired(String memberName) {
            return required.contains(memberName);
        }

        public ShapeMember member(String memberName) {
            return members.get(memberName);
        }
    }

    /** The error trait of an exception structure: its HTTP status and whether it is the server's fault. */
    record ErrorTrait(int httpStatusCode, boolean serverFault) {}

    record ListOf(String name, ShapeMember member, Long min, Long max, String documentation) implements Shape {}

    record MapOf(String name, ShapeMember key, ShapeMember value, Long min, Long max, String documentation)
            implements Shape {}

    /** A string, possibly constrained by an enum, a length range or a pattern. */
    record Str(
            String name,
            List<String> enumValues,
            Long min,
            Long max,
            String pattern,
            boolean sensitive,
            String documentation)
            implements Shape {}

    /** integer, long, float, double. {@code kind} is the model's type name. */
    record Num(String name, String kind, Long min, Long max, String documentation) implements Shape {
        public boolean integral() {
            return kind.equals("integer") || kind.equals("long");
        }
    }

    record Bool(String name, String documentation) implements Shape {}

    record Timestamp(String name, String timestampFormat, String documentation) implements Shape {}

    record Blob(String name, String documentation) implements Shape {}
}
