package org.deskphone.provision;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning URLs as the manuals write them: with or without a scheme ("IP address, domain name or URL",
 * ALE L2491-2492), with credentials inside ({@code ftp://admin:123456@192.168.1.100/}, Yealink L1795-1801),
 * naming a folder to request the file sequence from, or one file.
 */
public final class ServerUrls {
    /** The schemes the phone fetches with. */
    public static final Set<String> SCHEMES = Set.of("tftp", "ftp", "http", "https");

    private ServerUrls() {
    }

    /** True when {@code value} starts with a URL scheme ({@code http:}, {@code tftp:}, ...). */
    public static boolean hasScheme(String value) {
        return value.matches("(?i)[a-z][a-z0-9+.-]*://.*");
    }

    /**
     * Parses a URL that has a scheme.
     *
     * @throws IllegalArgumentException naming the value, when it is not a URL the phone can fetch from
     */
    public static URI parse(String value) {
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(text) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("'" + redact(text) + "': the phone fetches over tftp, ftp, http and https, not '"
                    + scheme + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + redact(text) + "' names no server");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            // http://host and http://host/ name the same folder (RFC 3986 §6.2.3); keep one spelling.
            uri = URI.create(text + "/");
        }
        return uri;
    }

    /** A bare host or address given where a URL was expected, made a URL with {@code scheme}. */
    public static URI withScheme(String scheme, String bare) {
        String text = bare.trim();
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        return parse(scheme + "://" + text + (text.contains("/") ? "" : "/"));
    }

    /**
     * True when {@code url} names one configuration file rather than a folder: its last path segment ends
     * in {@code .cfg} or {@code .xml}. Such a URL is requested as it is, without the file sequence ("via a
     * relative URL, the phone will request the following three default configuration files", ALE L2207-2212).
     */
    public static boolean namesFile(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".cfg") || path.endsWith(".xml");
    }

    /** {@code name} inside the folder {@code base}; an absolute {@code name} stands for itself. */
    public static URI resolve(URI base, String name) {
        if (hasScheme(name)) {
            return parse(name);
        }
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String encoded = encodeSegment(name.startsWith("/") ? name.substring(1) : name);
        try {
            return new URI(base.getScheme() + "://" + (base.getRawAuthority() == null ? "" : base.getRawAuthority())
                    + path + encoded);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot put '" + name + "' after " + redact(base), e);
        }
    }

    /** The credentials written inside the URL, if any. */
    public static Optional<Credentials> credentials(URI url) {
        String info = url.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return Optional.empty();
        }
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String password = colon < 0 ? "" : info.substring(colon + 1);
        return Optional.of(new Credentials(decode(user), decode(password)));
    }

    /** The URL without its credentials: what is logged, printed and remembered. */
    public static URI withoutCredentials(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The URL as text with any password replaced by {@code ***}. */
    public static String redact(URI url) {
        return redact(url.toString());
    }

    /** Text that may hold a URL with a password, the password replaced by {@code ***}. */
    public static String redact(String text) {
        return text.replaceAll("(?i)([a-z][a-z0-9+.-]*://[^/@:\\s]*):[^/@\\s]*@", "$1:***@");
    }

    /** The path of a URL as a server-side file name: decoded, without the leading slash. */
    public static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String encodeSegment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/$+!*'(),;=:@&".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
