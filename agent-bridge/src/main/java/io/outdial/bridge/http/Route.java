package io.outdial.bridge.http;

import io.netty.handler.codec.http.HttpMethod;
import io.outdial.bridge.auth.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of the router's table: a method, a path pattern such as {@code /api/campaigns/{campaign}/records},
 * what it asks of the caller, and what it does. A route cannot be written without an {@link Access}, so no endpoint
 * can be added without saying who may call it.
 *
 * @param method  the HTTP method
 * @param pattern the path: literal segments and {@code {name}} segments that match any one segment
 * @param access  who may call it
 * @param handler what it does, given the values of the pattern's {@code {name}} segments
 */
public record Route(HttpMethod method, String pattern, Access access, Handler handler) {

    /** What a route does with the values of its pattern's variable segments. */
    @FunctionalInterface
    public interface Handler {
        Endpoint bind(List<String> values);
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's pattern starts with /: " + pattern);
        }
    }

    /** The pattern's segments: {@code /api/stats} is {@code [api, stats]}. */
    public List<String> segments() {
        return List.of(pattern.substring(1).split("/"));
    }

    /** The values of the variable segments if {@code path} (decoded segments) matches, else null. */
    List<String> match(List<String> path) {
        List<String> own = segments();
        if (own.size() != path.size()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            String s = own.get(i);
            if (s.startsWith("{") && s.endsWith("}")) {
                values.add(path.get(i));
            } else if (!s.equals(path.get(i))) {
                return null;
            }
        }
        return values;
    }
}
