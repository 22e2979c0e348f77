package org.deskphone.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/**
 * FTP in passive mode through commons-net, logging in with the URL's or the configured credentials
 * ({@code ftp://admin:123456@192.168.1.100/}, Yealink L1795-1801) or anonymously. The path is relative to
 * the login folder, as RFC 1738 reads an ftp URL.
 */
public final class FtpTransport implements Transport {

    @Override
    public byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure {
        String shown = ServerUrls.redact(ServerUrls.withoutCredentials(url));
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout((int) limits.connect().toMillis());
        ftp.setDefaultTimeout((int) limits.attempt().toMillis());
        ftp.setDataTimeout(limits.attempt());
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> watchdog = Watchdog.after(limits.attempt(), () -> {
            late.set(true);
            disconnect(ftp);
        });
        BoundedBuffer buffer = new BoundedBuffer(limits.maxBytes());
        try {
            ftp.connect(url.getHost(), url.getPort() > 0 ? url.getPort() : FTP.DEFAULT_PORT);
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw new FetchFailure(FetchStatus.PROTOCOL_ERROR, shown + ": the server refused the connection: " + reply(ftp));
            }
            String user = credentials.present() ? credentials.user() : "anonymous";
            String password = credentials.present() ? credentials.password() : "deskphone@";
            ftp.setSoTimeout((int) limits.attempt().toMillis());
            if (!ftp.login(user, password)) {
                throw new FetchFailure(FetchStatus.UNAUTHORIZED, shown + ": login as '" + user + "' refused: " + reply(ftp));
            }
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            String path = ServerUrls.fileName(url);
            try (InputStream in = ftp.retrieveFileStream(path)) {
                if (in == null) {
                    int code = ftp.getReplyCode();
                    FetchStatus status = code == 550 ? FetchStatus.NOT_FOUND : FetchStatus.PROTOCOL_ERROR;
                    throw new FetchFailure(status, shown + ": " + (code == 550 ? "not found" : "refused") + " (" + reply(ftp) + ")");
                }
                in.transferTo(buffer);
            }
            if (!ftp.completePendingCommand()) {
                throw new FetchFailure(FetchStatus.TRUNCATED, shown + ": the transfer did not complete (" + reply(ftp) + ")");
            }
            ftp.logout();
            return buffer.toByteArray();
        } catch (BoundedBuffer.LimitExceeded e) {
            throw new FetchFailure(FetchStatus.TOO_LARGE, shown + ": more than the limit of " + limits.maxBytes() + " bytes");
        } catch (ConnectException e) {
            throw new FetchFailure(FetchStatus.CONNECT_FAILED, shown + ": cannot connect (" + e.getMessage() + ")", e);
        } catch (SocketTimeoutException e) {
            throw new FetchFailure(FetchStatus.TIMEOUT, shown + ": no answer within " + seconds(limits.attempt()), e);
        } catch (IOException e) {
            if (late.get()) {
                throw new FetchFailure(FetchStatus.TIMEOUT, shown + ": not done within " + seconds(limits.attempt()), e);
            }
            throw new FetchFailure(buffer.size() > 0 ? FetchStatus.TRUNCATED : FetchStatus.PROTOCOL_ERROR,
                    shown + ": " + e.getMessage() + (buffer.size() > 0 ? " after " + buffer.size() + " bytes" : ""), e);
        } finally {
            watchdog.cancel(false);
            disconnect(ftp);
        }
    }

    private static String reply(FTPClient ftp) {
        String text = ftp.getReplyString();
        return text == null ? "no reply" : text.trim();
    }

    private static void disconnect(FTPClient ftp) {
        try {
            if (ftp.isConnected()) {
                ftp.disconnect();
            }
        } catch (IOException ignored) {
            // Already gone: that is what we wanted.
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
