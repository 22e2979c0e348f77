package org.deskphone.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Plain HTTP when HTTPS is the default ({@code wui.https_default}): every request is sent to the same path over HTTPS. */
final class Redirect {

    private Redirect() {
    }

    static void toHttps(HttpExchange exchange, int httpsPort) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getAddress().getHostAddress();
        }
        // Keep the host name the browser used, replace the port.
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") && host.indexOf(':') == host.lastIndexOf(':') ? host.substring(0, host.indexOf(':')) : host;
        if (!name.matches("[A-Za-z0-9.\\-\\[\\]:%]+")) {
            name = exchange.getLocalAddress().getAddress().getHostAddress();
        }
        String location = "https://" + name + ":" + httpsPort + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        byte[] body = ("see " + location + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(301, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
