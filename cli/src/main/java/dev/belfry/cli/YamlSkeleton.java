package dev.belfry.cli;

import dev.belfry.cli.output.Formatters;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * --generate-cli-skeleton yaml-input (YAMLArgumentGenerator): the input skeleton as block YAML with an
 * end-of-line comment per member: "[REQUIRED]", the first sentence of its documentation, and its enum
 * values. ruamel puts two spaces before the first scalar member's comment of each mapping and one
 * before the others; that quirk is reproduced.
 */
final class YamlSkeleton {
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SENTENCE = Pattern.compile("[.:]+");

    private YamlSkeleton() {}

    static String render(Shape.Structure input) {
        if (input == null) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder();
        structure(out, input, 0, false, new ArrayList<>());
        return out.toString();
    }

    private static void structure(
            StringBuilder out, Shape.Structure shape, int indent, boolean afterDash, List<String> stack) {
        stack.add(shape.name());
        boolean first = true;
        for (ShapeMember m : shape.members().values()) {
            if (!(first && afterDash)) {
                out.append(" ".repeat(indent));
            }
            out.append(Formatters.yamlKey(m.name())).append(':');
            Shape s = m.shape();
            String comment = comment(m, shape.isRequired(m.name()));
            boolean nested = (s instanceof Shape.Structure st
                            && Collections.frequency(stack, st.name()) <= 1
                            && !st.members().isEmpty())
                    || s instanceof Shape.ListOf;
            if (nested) {
                out.append(comment.isEmpty() ? "" : " # " + comment).append('\n');
                if (s instanceof Shape.Structure st) {
                    structure(out, st, indent + 2, false, stack);
                } else {
                    listOf(out, (Shape.ListOf) s, indent, stack);
                }
            } else {
                out.append(' ').append(scalar(s, stack));
                out.append(comment.isEmpty() ? "" : (first ? "  # " : " # ") + comment)
                        .append('\n');
            }
            first = false;
        }
        stack.remove(stack.size() - 1);
    }

    private static void listOf(StringBuilder out, Shape.ListOf list, int indent, List<String> stack) {
        Shape member = list.member().shape();
        out.append(" ".repeat(indent)).append("- ");
        if (member instanceof Shape.Structure st
                && Collections.frequency(stack, st.name()) <= 1
                && !st.members().isEmpty()) {
            structure(out, st, indent + 2, true, stack);
        } else {
            out.append(scalar(member, stack)).append('\n');
        }
    }

    private static String scalar(Shape s, List<String> stack) {
        if (s instanceof Shape.Str str) {
            return str.enumValues().isEmpty()
                    ? "''"
                    : Formatters.yamlKey(str.enumValues().get(0));
        } else if (s instanceof Shape.Num num) {
            return num.integral() ? "0" : "0.0";
        } else if (s instanceof Shape.Bool) {
            return "true";
        } else if (s instanceof Shape.Timestamp) {
            return "1970-01-01 00:00:00";
        } else if (s instanceof Shape.Blob) {
            return "!!binary ''";
        } else if (s instanceof Shape.MapOf map) {
            return "\n"
                    + Formatters.yaml(
                            java.util.Map.of("KeyName", sample(map.value().shape())));
        }
        return "{}";
    }

    private static Object sample(Shape s) {
        return new dev.belfry.cli.skeleton.SkeletonGenerator(false).generate(s);
    }

    /** get_shape_doc_overview: tags stripped, the first sentence, line breaks as spaces. */
    private static String comment(ShapeMember m, boolean required) {
        List<String> parts = new ArrayList<>();
        if (required) {
            parts.add("[REQUIRED]");
        }
        String doc = m.documentation() != null ? m.documentation() : m.shape().documentation();
        String text = doc == null
                ? ""
                : TAGS.matcher(doc)
                        .replaceAll("")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&");
        String sentence = SENTENCE.split(text, 2)[0];
        if (!sentence.isEmpty()) {
            sentence += ".";
        }
        parts.add(sentence.replace("\n", " ").replace("\r", " "));
        if (m.shape() instanceof Shape.Str str && !str.enumValues().isEmpty()) {
            parts.add("Valid values are: " + String.join(", ", str.enumValues()) + ".");
        }
        String comment = String.join(" ", parts);
        return comment.isBlank() ? "" : comment;
    }
}
