package org.deskphone.provision;

import java.net.URI;
import java.util.Objects;

/**
 * One place a run may provision from: a URL, where it came from, and the credentials to offer it.
 *
 * @param url         a folder (the file sequence is requested there) or one file
 * @param origin      the discovery step that found it
 * @param credentials offered when the server asks; credentials inside the URL win
 */
public record ServerCandidate(URI url, Origin origin, Credentials credentials) {

    /** Where a candidate came from, in the order the phone tries them. */
    public enum Origin {
        COMMAND_LINE("command line"),
        ZERO_TOUCH("zero touch"),
        PNP("PnP"),
        DHCP_CUSTOM("DHCP custom option"),
        DHCP("DHCP option 66/67/43"),
        DHCP_VENDOR("DHCP option 43"),
        DHCPV6("DHCPv6 option 17/59"),
        STATIC("server URL"),
        BACKUP("backup server URL"),
        MULTISTAGE("URL from a provisioning file"),
        DIALLED_CODE("provisioning code");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ServerCandidate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
        credentials = ServerUrls.credentials(url).orElse(credentials == null ? Credentials.NONE : credentials);
    }

    /** The URL without credentials, for logs and output. */
    public String shown() {
        return ServerUrls.withoutCredentials(url).toString();
    }

    @Override
    public String toString() {
        return shown() + " (" + origin + ")";
    }
}
