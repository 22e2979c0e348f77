package org.deskphone.web;

/**
 * The headers every answer carries: no scripts, styles or frames but the phone's own (so an injected
 * string cannot run), no sniffing, no referrer; and HSTS over HTTPS, but only with a certificate an
 * administrator installed. With the phone's own self-signed one a browser that had seen HSTS would refuse
 * the phone outright, with no way past its warning, and would keep refusing plain HTTP for a year after
 * HTTPS is turned off.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    static void apply(Exchange exchange, boolean trustedCertificate) {
        exchange.header("Content-Security-Policy", CSP);
        exchange.header("X-Content-Type-Options", "nosniff");
        exchange.header("X-Frame-Options", "DENY");
        exchange.header("Referrer-Policy", "no-referrer");
        exchange.header("Cross-Origin-Opener-Policy", "same-origin");
        exchange.header("Cross-Origin-Resource-Policy", "same-origin");
        exchange.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (exchange.secure() && trustedCertificate) {
            exchange.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
