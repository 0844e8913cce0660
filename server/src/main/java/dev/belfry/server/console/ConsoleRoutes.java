package dev.belfry.server.console;

import dev.belfry.rooms.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Fields;

/**
 * The console API's routes: a method and a path pattern under {@code /_belfry/console/api/}, where {@code *} takes
 * one segment (an id), mapped to an action on the domain. Every route but sign-in needs a session; every method
 * but GET is a change and needs the session's CSRF token (D116).
 */
final class ConsoleRoutes {
    /** What an action gets: the caller its session stands for, the path's ids, the query and the JSON body. */
    record Call(
            ConsoleSessions.Session session, Caller caller, List<String> ids, Fields query, Map<String, Object> body) {
        String id(int i) {
            return ids.get(i);
        }

        String query(String name) {
            Fields.Field f = query.get(name);
            return f == null || f.getValue().isEmpty() ? null : f.getValue();
        }

        /** A string member of the body, or a 400 naming it when it is missing or not a string. */
        String required(String name) {
            Object v = body.get(name);
            if (v instanceof String s && !s.isEmpty()) {
                return s;
            }
            throw new ConsoleFailure(400, "BadRequestException", name + " is required and must be a string.");
        }
    }

    interface Action {
        Object run(Call call);
    }

    record Route(String method, String[] pattern, Action action) {
        boolean change() {
            return !method.equals("GET");
        }
    }

    /** A matched route and the ids its stars took. */
    record Match(Route route, List<String> ids) {}

    private final List<Route> routes = new ArrayList<>();

    void get(String pattern, Action action) {
        add("GET", pattern, action);
    }

    void post(String pattern, Action action) {
        add("POST", pattern, action);
    }

    void put(String pattern, Action action) {
        add("PUT", pattern, action);
    }

    void delete(String pattern, Action action) {
        add("DELETE", pattern, action);
    }

    private void add(String method, String pattern, Action action) {
        routes.add(new Route(method, pattern.split("/"), action));
    }

    /** The route for this method and path (segments already decoded); null for none, a 405 for a wrong method. */
    Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route r : routes) {
            List<String> ids = ids(r.pattern(), segments);
            if (ids != null) {
                if (r.method().equals(method)) {
                    return new Match(r, ids);
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw new ConsoleFailure(405, "MethodNotAllowed", "This console path does not take " + method + ".");
        }
        return null;
    }

    private static List<String> ids(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("*")) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                ids.add(segments.get(i));
            } else if (!pattern[i].equals(segments.get(i))) {
                return null;
            }
        }
        return ids;
    }
}
