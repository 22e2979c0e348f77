package org.deskphone.provision;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.tinylog.Logger;

/**
 * TFTP (RFC 1350) through commons-net: the Yealink default ("configured by default to use the TFTP
 * protocol", L65-71). Each packet waits {@link #PACKET_TIMEOUT} and is retried up to {@link #RETRIES}
 * times; the whole download is bounded by the attempt time and by the size limit.
 *
 * <p>commons-net cannot negotiate the RFC 2347-2349 options (block size, transfer size), so blocks stay 512
 * bytes. Configuration and resource files are small, and commons-net wraps the block number after 65535,
 * so firmware of any size still downloads, only slower than over HTTP. Without the transfer-size option
 * a huge file is noticed when it passes the limit, not before: the download stops there.
 *
 * <p>TFTP has no passwords: credentials in a {@code tftp://user:pass@host/} URL (Yealink L1237-1245) are
 * ignored.
 */
public final class TftpTransport implements Transport {
    static final Duration PACKET_TIMEOUT = Duration.ofSeconds(2);
    static final int RETRIES = 3;
    private static final Pattern ERROR = Pattern.compile("Error code (\\d+) received: (.*)");

    @Override
    public byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure {
        String shown = ServerUrls.redact(ServerUrls.withoutCredentials(url));
        if (credentials.present()) {
            Logger.debug("{}: TFTP has no passwords; the credentials are not used", shown);
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchFailure(FetchStatus.CONNECT_FAILED, shown + ": unknown host " + url.getHost(), e);
        }
        int port = url.getPort() > 0 ? url.getPort() : TFTP.DEFAULT_PORT;
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(min(PACKET_TIMEOUT, limits.attempt()));
        client.setMaxTimeouts(RETRIES);
        BoundedBuffer buffer = new BoundedBuffer(limits.maxBytes());
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try {
            client.open();
            watchdog = Watchdog.after(limits.attempt(), () -> {
                late.set(true);
                client.close();
            });
            client.receiveFile(ServerUrls.fileName(url), TFTP.BINARY_MODE, buffer, host, port);
            return buffer.toByteArray();
        } catch (BoundedBuffer.LimitExceeded e) {
            throw new FetchFailure(FetchStatus.TOO_LARGE, shown + ": more than the limit of " + limits.maxBytes() + " bytes");
        } catch (IOException e) {
            throw failure(shown, e, late.get(), buffer.size(), limits);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            client.close();
        }
    }

    private static FetchFailure failure(String shown, IOException e, boolean late, int received, FetchLimits limits) {
        if (late) {
            return new FetchFailure(FetchStatus.TIMEOUT, shown + ": not done within " + limits.attempt().toSeconds()
                    + " s (" + received + " bytes so far)", e);
        }
        String message = String.valueOf(e.getMessage());
        Matcher error = ERROR.matcher(message);
        if (error.find()) {
            int code = Integer.parseInt(error.group(1));
            String text = "TFTP error " + code + " (" + error.group(2).trim() + ")";
            switch (code) {
                case 1:
                    return new FetchFailure(FetchStatus.NOT_FOUND, shown + ": " + text, e);
                case 2:
                    return new FetchFailure(FetchStatus.FORBIDDEN, shown + ": " + text, e);
                default:
                    // tftpd-hpa reports an unreadable file as code 0 "Permission denied".
                    FetchStatus status = error.group(2).toLowerCase(java.util.Locale.ROOT).contains("permission")
                            ? FetchStatus.FORBIDDEN : FetchStatus.PROTOCOL_ERROR;
                    return new FetchFailure(status, shown + ": " + text, e);
            }
        }
        if (message.contains("timed out")) {
            String what = received == 0 ? "no answer" : "the transfer stopped after " + received + " bytes";
            return new FetchFailure(received == 0 ? FetchStatus.TIMEOUT : FetchStatus.TRUNCATED,
                    shown + ": " + what + " (" + RETRIES + " tries of " + PACKET_TIMEOUT.toSeconds() + " s)", e);
        }
        return new FetchFailure(FetchStatus.PROTOCOL_ERROR, shown + ": " + message, e);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
