package org.deskphone.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.config.Access;

/**
 * The API's routes: method, path, the lowest access level that may call it (none: anyone), and the page
 * whose permission item it falls under. The dispatcher enforces all of it before a handler runs.
 */
final class Routes {

    /** What a route does with one request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    /**
     * One route. {@code level} null: anyone, even without a session (only login). {@code page}: reading
     * needs the page readable at the caller's level, changing needs it writable.
     */
    record Route(String method, String path, Access level, String page, String summary, Handler handler) {
        boolean changes() {
            return !method.equals("GET");
        }
    }

    private final Map<String, List<Route>> byPath = new LinkedHashMap<>();

    void get(String path, Access level, String page, String summary, Handler handler) {
        add(new Route("GET", path, level, page, summary, handler));
    }

    void post(String path, Access level, String page, String summary, Handler handler) {
        add(new Route("POST", path, level, page, summary, handler));
    }

    void delete(String path, Access level, String page, String summary, Handler handler) {
        add(new Route("DELETE", path, level, page, summary, handler));
    }

    private void add(Route route) {
        if (route.page() != null) {
            Pages.require(route.page());
        }
        List<Route> routes = byPath.computeIfAbsent(route.path(), p -> new ArrayList<>());
        if (routes.stream().anyMatch(r -> r.method().equals(route.method()))) {
            throw new IllegalStateException("two routes for " + route.method() + " " + route.path());
        }
        routes.add(route);
    }

    /** The routes of {@code path}, empty when it is not an API path. */
    List<Route> at(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    Optional<Route> find(String method, String path) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        return at(path).stream().filter(r -> r.method().equals(wanted)).findFirst();
    }

    /** Every route, in the order they were added: the README's table and the tests walk it. */
    List<Route> all() {
        List<Route> all = new ArrayList<>();
        byPath.values().forEach(all::addAll);
        return all;
    }
}
