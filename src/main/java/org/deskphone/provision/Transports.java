package org.deskphone.provision;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The transport for each URL scheme, made for one run's TLS settings and connect timeout. */
public final class Transports {
    private final Map<String, Transport> byScheme;

    public Transports(Map<String, Transport> byScheme) {
        this.byScheme = Map.copyOf(byScheme);
    }

    /** TFTP, FTP, HTTP and HTTPS as a phone uses them. */
    public static Transports standard(TlsSettings tls, Duration connectTimeout, String userAgent) throws IOException {
        HttpTransport http = new HttpTransport(tls, connectTimeout, userAgent);
        return new Transports(Map.of("tftp", new TftpTransport(), "ftp", new FtpTransport(), "http", http, "https", http));
    }

    public byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        Transport transport = byScheme.get(scheme);
        if (transport == null) {
            throw new FetchFailure(FetchStatus.UNSUPPORTED, ServerUrls.redact(url) + ": no transport for '" + scheme + "'");
        }
        return transport.fetch(url, credentials, limits);
    }
}
