package org.deskphone.web;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * Every request passes here: security headers first; then, for the API, the route, the session, the
 * access level, the CSRF token of a request that changes something and the page's permission item, all
 * checked before the handler runs; everything else is a page file. Refusals are JSON with a message a
 * person can act on.
 */
final class Dispatcher implements HttpHandler {
    /** The request header that must carry the session's CSRF token on every POST and DELETE. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final WebContext context;
    private final Routes routes;
    private final StaticFiles files;
    private final boolean secure;

    Dispatcher(WebContext context, Routes routes, StaticFiles files, boolean secure) {
        this.context = context;
        this.routes = routes;
        this.files = files;
        this.secure = secure;
    }

    /** The session cookie's name: over HTTPS the {@code __Host-} prefix binds it to this origin and to TLS. */
    static String cookieName(boolean secure) {
        return secure ? "__Host-deskphone" : "deskphone";
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange exchange = new Exchange(http, secure);
        try {
            SecurityHeaders.apply(exchange, !context.certificate.info().generated());
            if (context.stopped()) {
                throw new WebError(503, "the phone is restarting");
            }
            if (exchange.path().startsWith("/api/")) {
                api(exchange);
            } else {
                files.serve(exchange);
            }
        } catch (WebError e) {
            refuse(exchange, e);
        } catch (Exception e) {
            Logger.error(e, "web request {} {} failed", exchange.method(), exchange.path());
            refuse(exchange, new WebError(500, "the phone failed to answer; the log says why"));
        } finally {
            if (!exchange.answered()) {
                exchange.close();
            }
        }
    }

    private void api(Exchange exchange) throws Exception {
        var atPath = routes.at(exchange.path());
        if (atPath.isEmpty()) {
            throw WebError.notFound("no API route " + exchange.path());
        }
        Routes.Route route = routes.find(exchange.method(), exchange.path()).orElseThrow(() -> {
            exchange.header("Allow", atPath.stream().map(Routes.Route::method).collect(Collectors.joining(", ")));
            return new WebError(405, exchange.method() + " is not allowed on " + exchange.path());
        });
        WebSessions.Lookup lookup = context.sessions.find(exchange.cookie(cookieName(secure)).orElse(null), true);
        if (lookup instanceof WebSessions.Lookup.Found found) {
            exchange.session(found.session());
        }
        if (route.level() == null) {
            // Only the login: a form on another site must not log a browser in (login CSRF).
            if (exchange.header("Sec-Fetch-Site").map(s -> s.equalsIgnoreCase("cross-site")).orElse(false)) {
                throw WebError.forbidden("logins from other sites are refused");
            }
            route.handler().handle(exchange);
            return;
        }
        Session session = exchange.optionalSession().orElseThrow(() -> loginRequired(lookup));
        if (!session.atLeast(route.level())) {
            throw WebError.forbidden(exchange.path() + " needs " + route.level().name().toLowerCase(Locale.ROOT) + " access");
        }
        if (route.changes() && !session.csrfMatches(exchange.header(CSRF_HEADER).orElse(null))) {
            throw WebError.forbidden("the request's " + CSRF_HEADER + " header is missing or wrong; reload the page");
        }
        if (route.page() != null) {
            Pages.Page page = Pages.require(route.page());
            Permissions.Rights rights = context.permissions.rules(context.current()).page(page, session.level());
            if (!rights.read() || route.changes() && !rights.write()) {
                throw WebError.forbidden("the " + page.title() + " page is " + (rights.read() ? "read-only" : "hidden")
                        + " for " + session.level().name().toLowerCase(Locale.ROOT) + " access");
            }
        }
        route.handler().handle(exchange);
    }

    private WebError loginRequired(WebSessions.Lookup lookup) {
        String message = lookup instanceof WebSessions.Lookup.Expired
                ? "your session ended after " + context.sessions.idleLimit().toMinutes() + " minutes without activity; log in again"
                : "log in first";
        return new WebError(401, message);
    }

    private static void refuse(Exchange exchange, WebError error) {
        if (exchange.answered()) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("error", error.getMessage());
        if (error.status() == 401) {
            body.addProperty("login", true);
        }
        if (!error.problems().isEmpty()) {
            body.add("problems", Json.strings(error.problems()));
        }
        exchange.send(error.status(), body);
    }
}
