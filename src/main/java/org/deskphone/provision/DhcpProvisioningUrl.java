package org.deskphone.provision;

import java.net.URI;
import java.util.Optional;

/**
 * The provisioning URL that DHCP options 66 and 67, or option 43's sub-options 66 and 67, make, exactly as
 * ALE's table says (ALE L326-430; digest §2.2, examples E-01..E-14):
 * <ol>
 * <li>option 43 carrying sub-option 66 or 67 overrides options 66 and 67 (L386-427);</li>
 * <li>a "66" with a scheme is the base; a "67" path starting with {@code /} is appended, a "67" URL ignored
 * (L332-356, L393-406);</li>
 * <li>a "66" without a scheme loses to a "67" with one (L362-368, L416-420);</li>
 * <li>otherwise the scheme is https: "If the user configures a relative path with only IP address or domain
 * name for DHCP option 66/67, the default https protocol will be added" (L429-430) - so {@code /provisioning}
 * alone becomes {@code https://provisioning} (L370-379, L422).</li>
 * </ol>
 * When https was added rather than given, the Yealink reading of option 66 ("used to identify the TFTP
 * server", Yealink L1397-1398) is kept as a fallback: {@link Composed#tftpFallback()}.
 */
public final class DhcpProvisioningUrl {

    /**
     * A composed URL.
     *
     * @param url            the provisioning URL
     * @param schemeDefaulted true when the value had no scheme and https was added
     */
    public record Composed(URI url, boolean schemeDefaulted) {

        /** The same server over TFTP, for a value that had no scheme; empty otherwise. */
        public Optional<URI> tftpFallback() {
            if (!schemeDefaulted) {
                return Optional.empty();
            }
            String authority = url.getRawAuthority();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return Optional.of(URI.create("tftp://" + authority + path));
        }
    }

    private DhcpProvisioningUrl() {
    }

    /**
     * Composes the URL from the four values (each may be null or blank: "no data").
     *
     * @return empty when none of the four is given
     */
    public static Optional<Composed> compose(String option66, String option67, String sub66, String sub67) {
        boolean fromVendor = given(sub66) || given(sub67);
        String base = fromVendor ? sub66 : option66;
        String path = fromVendor ? sub67 : option67;
        if (given(base)) {
            String server = base.trim();
            if (ServerUrls.hasScheme(server)) {
                if (given(path) && path.trim().startsWith("/")) {
                    return Optional.of(new Composed(ServerUrls.parse(stripSlash(server) + path.trim()), false));
                }
                return Optional.of(new Composed(ServerUrls.parse(server), false));
            }
            if (given(path) && ServerUrls.hasScheme(path.trim())) {
                return Optional.of(new Composed(ServerUrls.parse(path.trim()), false));
            }
            String tail = given(path) && path.trim().startsWith("/") ? path.trim() : "/";
            return Optional.of(new Composed(ServerUrls.parse("https://" + stripSlash(server) + tail), true));
        }
        if (given(path)) {
            String only = path.trim();
            if (ServerUrls.hasScheme(only)) {
                return Optional.of(new Composed(ServerUrls.parse(only), false));
            }
            return Optional.of(new Composed(ServerUrls.withScheme("https", only), true));
        }
        return Optional.empty();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static String stripSlash(String value) {
        String text = value;
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
