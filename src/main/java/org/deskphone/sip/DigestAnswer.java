package org.deskphone.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the {@code Authorization} / {@code Proxy-Authorization} value answering a
 * {@link DigestChallenge} (RFC 7616 §3.4, as SIP uses it: RFC 3261 §22.4, RFC 8760). Pure: the caller
 * supplies the client nonce and the nonce count, so answers are checkable against the RFCs' examples.
 */
public final class DigestAnswer {

    private DigestAnswer() {
    }

    /**
     * @param body the request body, hashed only for {@code qop=auth-int}
     */
    public static String authorization(DigestChallenge challenge, String user, String password, String method, String uri,
            byte[] body, int nonceCount, String clientNonce) {
        String algorithm = challenge.algorithm();
        String qop = challenge.qop().contains("auth") ? "auth" : challenge.qop().contains("auth-int") ? "auth-int" : null;
        String nc = String.format("%08x", nonceCount);
        String ha1 = hash(algorithm, user + ":" + challenge.realm() + ":" + password);
        if (algorithm.endsWith("-SESS")) {
            ha1 = hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + clientNonce);
        }
        String ha2 = "auth-int".equals(qop) ? hash(algorithm, method + ":" + uri + ":" + hash(algorithm, body))
                : hash(algorithm, method + ":" + uri);
        String response = qop == null ? hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + ha2)
                : hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + clientNonce + ":" + qop + ":" + ha2);
        StringBuilder out = new StringBuilder("Digest username=\"").append(quote(user)).append('"')
                .append(",realm=\"").append(quote(challenge.realm())).append('"')
                .append(",nonce=\"").append(quote(challenge.nonce())).append('"')
                .append(",uri=\"").append(quote(uri)).append('"')
                .append(",response=\"").append(response).append('"')
                .append(",algorithm=").append(algorithm.equals("MD5") ? "MD5" : algorithm);
        challenge.opaque().ifPresent(o -> out.append(",opaque=\"").append(quote(o)).append('"'));
        if (qop != null) {
            out.append(",qop=").append(qop).append(",nc=").append(nc).append(",cnonce=\"").append(quote(clientNonce)).append('"');
        }
        return out.toString();
    }

    static String hash(String algorithm, String text) {
        return hash(algorithm, text.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String algorithm, byte[] bytes) {
        String base = algorithm.endsWith("-SESS") ? algorithm.substring(0, algorithm.length() - 5) : algorithm;
        String jdk = switch (base) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> throw new IllegalArgumentException("digest algorithm " + algorithm + " is not supported");
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdk).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdk, e);
        }
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
