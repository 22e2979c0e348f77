package org.deskphone.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge and the {@code Authorization} answer to it: Basic (RFC 7617) or
 * Digest (RFC 7616: MD5, SHA-256 and their -sess forms, qop "auth" or none).
 */
final class AuthChallenge {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String scheme;
    private final Map<String, String> parameters;

    private AuthChallenge(String scheme, Map<String, String> parameters) {
        this.scheme = scheme;
        this.parameters = parameters;
    }

    /** Parses one header value; empty when it is not a challenge. */
    static Optional<AuthChallenge> parse(String header) {
        String text = header.trim();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.put(name, value.toString().trim());
        }
        return Optional.of(new AuthChallenge(scheme, parameters));
    }

    /** The strongest challenge among the headers that this client can answer: Digest before Basic. */
    static Optional<AuthChallenge> best(List<String> headers) {
        List<AuthChallenge> challenges = new ArrayList<>();
        headers.forEach(header -> parse(header).ifPresent(challenges::add));
        return challenges.stream().filter(AuthChallenge::answerableDigest).findFirst()
                .or(() -> challenges.stream().filter(c -> c.scheme.equals("basic")).findFirst());
    }

    String scheme() {
        return scheme;
    }

    String realm() {
        return parameters.getOrDefault("realm", "");
    }

    /** The {@code Authorization} value for a request of {@code method} to {@code requestTarget}. */
    String answer(Credentials credentials, String method, String requestTarget) {
        if (scheme.equals("basic")) {
            String pair = credentials.user() + ":" + credentials.password();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return digest(credentials, method, requestTarget, HexFormat.of().formatHex(nonce), 1);
    }

    /** The Digest answer with a given client nonce and count: for the RFC 7616 test vectors. */
    String digest(Credentials credentials, String method, String requestTarget, String cnonce, int count) {
        String algorithm = parameters.getOrDefault("algorithm", "MD5");
        String hashName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        boolean session = algorithm.toLowerCase(Locale.ROOT).endsWith("-sess");
        String realm = realm();
        String nonce = parameters.getOrDefault("nonce", "");
        boolean qopAuth = qops().contains("auth");
        String nc = String.format("%08x", count);
        String a1 = hash(hashName, credentials.user() + ":" + realm + ":" + credentials.password());
        if (session) {
            a1 = hash(hashName, a1 + ":" + nonce + ":" + cnonce);
        }
        String a2 = hash(hashName, method + ":" + requestTarget);
        String response = qopAuth
                ? hash(hashName, a1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + a2)
                : hash(hashName, a1 + ":" + nonce + ":" + a2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(quote(credentials.user()))
                .append("\", realm=\"").append(quote(realm))
                .append("\", uri=\"").append(quote(requestTarget))
                .append("\", algorithm=").append(algorithm)
                .append(", nonce=\"").append(quote(nonce)).append('"');
        if (qopAuth) {
            header.append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", qop=auth");
        }
        header.append(", response=\"").append(response).append('"');
        if (parameters.containsKey("opaque")) {
            header.append(", opaque=\"").append(quote(parameters.get("opaque"))).append('"');
        }
        return header.toString();
    }

    private boolean answerableDigest() {
        if (!scheme.equals("digest")) {
            return false;
        }
        String algorithm = parameters.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        boolean known = List.of("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS").contains(algorithm);
        List<String> qops = qops();
        return known && (qops.isEmpty() || qops.contains("auth"));
    }

    private List<String> qops() {
        String qop = parameters.get("qop");
        if (qop == null || qop.isBlank()) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (String one : qop.split(",")) {
            list.add(one.trim().toLowerCase(Locale.ROOT));
        }
        return list;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
