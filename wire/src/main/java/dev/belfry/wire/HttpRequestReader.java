package dev.belfry.wire;

import dev.belfry.model.OperationModel;
import dev.belfry.model.Shape;
import dev.belfry.model.ShapeMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds an operation's input from an HTTP request by each member's {@code location}: path labels, query
 * string, headers, then the JSON body for the rest. Labels and query values arrive already
 * percent-decoded; they are converted to the member's type here.
 */
public final class HttpRequestReader {
    private HttpRequestReader() {}

    public static Map<String, Object> read(
            OperationModel operation,
            Map<String, String> labels,
            Map<String, List<String>> query,
            Function<String, String> header,
            byte[] body) {
        Shape.Structure input = operation.input();
        if (input == null) {
            return new LinkedHashMap<>();
        }
        boolean hasBodyMembers = input.members().values().stream().anyMatch(ShapeMember::inBody);
        Map<String, Object> values = hasBodyMembers ? JsonBodyReader.read(body, input) : new LinkedHashMap<>();
        for (ShapeMember member : input.members().values()) {
            if (member.location() == null) {
                continue;
            }
            Object value = switch (member.location()) {
                case "uri" -> scalar(member, labels.get(member.locationName()));
                case "querystring" -> query(member, query.get(member.locationName()));
                case "header" -> scalar(member, header.apply(member.locationName()));
                default -> null;
            };
            if (value != null) {
                values.put(member.name(), value);
            }
        }
        InputValidator.validate(input, values);
        return values;
    }

    private static Object query(ShapeMember member, List<String> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (member.shape() instanceof Shape.ListOf list) {
            List<Object> items = new ArrayList<>();
            for (String text : given) {
                items.add(convert(list.member().shape(), text, member.locationName()));
            }
            return items;
        }
        return scalar(member, given.get(0));
    }

    private static Object scalar(ShapeMember member, String text) {
        return text == null ? null : convert(member.shape(), text, member.locationName());
    }

    private static Object convert(Shape shape, String text, String name) {
        try {
            if (shape instanceof Shape.Num n) {
                return n.integral()
                        ? (n.kind().equals("integer") ? (Object) Integer.valueOf(text) : (Object) Long.valueOf(text))
                        : (Object) Double.valueOf(text);
            }
            if (shape instanceof Shape.Bool) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new WireException("The parameter " + name + " must be true or false; got '" + text + "'.");
                }
                return Boolean.valueOf(text);
            }
            if (shape instanceof Shape.Timestamp) {
                Instant instant = Timestamps.parse(text);
                return instant;
            }
            return text;
        } catch (NumberFormatException e) {
            throw new WireException("The parameter " + name + " must be a number; got '" + text + "'.");
        }
    }
}
