package io.outdial.bridge.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP route the bridge answers (the browser pages aside), looked up by path. The router checks each
 * route's {@link io.outdial.bridge.auth.Access} before calling it, and tests walk {@link #all()} so that no route
 * escapes the access tests.
 */
public final class RouteTable {

    /** A route matched against a path, bound to the values of its variable segments. */
    record Bound(Route route, Endpoint endpoint) { }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        for (int i = 0; i < routes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (routes.get(i).method().equals(routes.get(j).method())
                        && routes.get(i).pattern().equals(routes.get(j).pattern())) {
                    throw new IllegalArgumentException("two routes for " + routes.get(i).method() + " "
                            + routes.get(i).pattern());
                }
            }
        }
    }

    /** All routes, in table order. */
    public List<Route> all() {
        return routes;
    }

    /** The routes of {@code path} (already stripped of its query) by method; empty when none matches. */
    Map<HttpMethod, Bound> resolve(String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            return Map.of();
        }
        List<String> segments = AdminRoutes.segments(path.substring(1));
        if (segments.isEmpty()) {
            return Map.of();
        }
        Map<HttpMethod, Bound> found = new LinkedHashMap<>();
        for (Route r : routes) {
            List<String> values = r.match(segments);
            if (values != null && !found.containsKey(r.method())) {
                // Literal routes are listed before variable ones where both could match.
                found.put(r.method(), new Bound(r, r.handler().bind(values)));
            }
        }
        return found;
    }
}
