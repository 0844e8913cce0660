package dev.belfry.server.http;

import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the operation for a method, path and query from every operation's {@code requestUri} template.
 * Literal query pairs in a template (e.g. {@code ?operation=batch-create}) must be present; among the
 * templates that match, the one with more literal query pairs, then more literal segments, wins — so
 * {@code POST …/users?operation=create} is CreateUser while a bare {@code POST …/users} is BatchUpdateUser.
 */
public final class OperationRouter {
    private final List<Route> routes;

    public OperationRouter(ServiceModel model, List<OperationModel> extra) {
        List<Route> all = new ArrayList<>();
        model.operations().values().forEach(op -> all.add(Route.of(op)));
        extra.forEach(op -> all.add(Route.of(op)));
        for (Route r : all) {
            if (r.template().isEmpty()
                    || r.template().get(0).startsWith("{")
                    || r.template().get(0).equals(CONSOLE)) {
                throw new IllegalStateException("the /console prefix would be ambiguous for "
                        + r.operation().name());
            }
        }
        all.sort(Comparator.comparingInt(Route::specificity).reversed());
        this.routes = List.copyOf(all);
    }

    /** A matched operation with its decoded path labels. */
    public record Match(OperationModel operation, Map<String, String> labels) {}

    /** Thrown when no template matches; {@code pathKnown} tells whether another method would have matched. */
    public static final class NoRoute extends RuntimeException {
        private final boolean pathKnown;

        NoRoute(boolean pathKnown) {
            super(null, null, false, false);
            this.pathKnown = pathKnown;
        }

        public boolean pathKnown() {
            return pathKnown;
        }
    }

    /** @param rawPath the path as sent, still percent-encoded, so an encoded '/' stays inside its label */
    public Match route(String method, String rawPath, Map<String, List<String>> query) {
        List<String> segments = withoutConsolePrefix(segments(rawPath));
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> labels = route.matchPath(segments);
            if (labels == null || !route.queryMatches(query)) {
                continue;
            }
            if (route.operation().httpMethod().equals(method)) {
                return new Match(route.operation(), labels);
            }
            pathKnown = true;
        }
        throw new NoRoute(pathKnown);
    }

    /**
     * Older SDK models put {@code /console} before every path, and users set {@code …/console} as their endpoint,
     * so such requests route exactly as without it. No template starts with a label, so a first segment
     * {@code console} can mean nothing else. The signature was checked over the path as sent, before routing.
     */
    static List<String> withoutConsolePrefix(List<String> segments) {
        return segments.size() > 1 && segments.get(0).equals(CONSOLE) ? segments.subList(1, segments.size()) : segments;
    }

    private static final String CONSOLE = "console";

    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/", -1)) {
            segments.add(part);
        }
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return segments;
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private record Route(OperationModel operation, List<String> template, Map<String, String> literalQuery) {
        static Route of(OperationModel op) {
            String uri = op.requestUri();
            int q = uri.indexOf('?');
            Map<String, String> literal = new LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : uri.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    literal.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
            return new Route(op, segments(q < 0 ? uri : uri.substring(0, q)), literal);
        }

        int specificity() {
            int literals =
                    (int) template.stream().filter(s -> !s.startsWith("{")).count();
            return literalQuery.size() * 1000 + literals * 10 + template.size();
        }

        boolean queryMatches(Map<String, List<String>> query) {
            for (Map.Entry<String, String> e : literalQuery.entrySet()) {
                List<String> values = query.get(e.getKey());
                if (values == null || !values.contains(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        Map<String, String> matchPath(List<String> segments) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String t = template.get(i);
                if (t.endsWith("+}")) {
                    if (i >= segments.size()) {
                        return null;
                    }
                    labels.put(
                            t.substring(1, t.length() - 2),
                            decode(String.join("/", segments.subList(i, segments.size()))));
                    return labels;
                }
                if (i >= segments.size()) {
                    return null;
                }
                String segment = segments.get(i);
                if (t.startsWith("{")) {
                    if (segment.isEmpty()) {
                        return null;
                    }
                    labels.put(t.substring(1, t.length() - 1), decode(segment));
                } else if (!t.equals(segment)) {
                    return null;
                }
            }
            return segments.size() == template.size() ? labels : null;
        }
    }
}
