package org.deskphone.web;

import java.util.List;

/**
 * A request the web UI refuses, with the HTTP status and a message a person can act on. Handlers throw it;
 * the dispatcher answers {@code {"error": message}} (plus {@code problems}, one line each, when there are
 * several), never a stack trace.
 */
final class WebError extends RuntimeException {
    private final int status;
    private final List<String> problems;

    WebError(int status, String message) {
        this(status, message, List.of());
    }

    WebError(int status, String message, List<String> problems) {
        super(message, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static WebError badRequest(String message) {
        return new WebError(400, message);
    }

    static WebError forbidden(String message) {
        return new WebError(403, message);
    }

    static WebError notFound(String message) {
        return new WebError(404, message);
    }

    static WebError conflict(String message) {
        return new WebError(409, message);
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
