package org.deskphone.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} or {@code Proxy-Authenticate} Digest challenge (RFC 3261 §22.4, RFC 7616,
 * RFC 8760 for SHA-256 in SIP). Several may come in one response, one per algorithm; the phone answers
 * the strongest it supports.
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, String algorithm, List<String> qop,
        boolean stale, boolean proxy) {

    /** Supported algorithms, weakest first. */
    static final List<String> ALGORITHMS = List.of("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS", "SHA-512-256", "SHA-512-256-SESS");

    public DigestChallenge {
        qop = List.copyOf(qop);
    }

    /** Parses the value of the header (after the colon); empty when it is not a usable Digest challenge. */
    public static Optional<DigestChallenge> parse(String value, boolean proxy) {
        String text = value.trim();
        if (!text.regionMatches(true, 0, "Digest", 0, 6)) {
            return Optional.empty();
        }
        Map<String, String> params = params(text.substring(6));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        if (realm == null || nonce == null) {
            return Optional.empty();
        }
        String algorithm = params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        List<String> qop = new ArrayList<>();
        if (params.containsKey("qop")) {
            for (String option : params.get("qop").split(",")) {
                if (!option.isBlank()) {
                    qop.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.of(new DigestChallenge(realm, nonce, Optional.ofNullable(params.get("opaque")), algorithm, qop,
                "true".equalsIgnoreCase(params.get("stale")), proxy));
    }

    public boolean supported() {
        return ALGORITHMS.contains(algorithm) && (qop.isEmpty() || qop.contains("auth") || qop.contains("auth-int"));
    }

    /** The strongest supported challenge of a response, per RFC 8760 §2.4 (SHA-256 over MD5). */
    public static Optional<DigestChallenge> strongest(List<DigestChallenge> challenges) {
        DigestChallenge best = null;
        for (DigestChallenge challenge : challenges) {
            if (challenge.supported() && (best == null || ALGORITHMS.indexOf(challenge.algorithm) > ALGORITHMS.indexOf(best.algorithm))) {
                best = challenge;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code name=value} and {@code name="quoted, value"} pairs separated by commas. */
    static Map<String, String> params(String text) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',') {
                i++;
            }
            String name = text.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || text.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            if (!name.isEmpty()) {
                out.putIfAbsent(name, value.toString().trim());
            }
        }
        return out;
    }
}
