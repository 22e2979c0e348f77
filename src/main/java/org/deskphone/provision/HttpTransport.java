package org.deskphone.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP and HTTPS through the JDK's HttpClient: Basic and Digest authentication when the server asks,
 * redirects followed up to a limit and never in a loop or from https down to http, the connect and
 * whole-download time limits, a size limit, and the {@link TlsSettings}.
 */
public final class HttpTransport implements Transport {

    private static final java.util.concurrent.ExecutorService CLIENT_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "provision-http");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client;
    private final String userAgent;

    public HttpTransport(TlsSettings tls, Duration connectTimeout, String userAgent) throws IOException {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls.context())
                .executor(CLIENT_THREADS)
                .build();
    }

    @Override
    public byte[] fetch(URI url, Credentials credentials, FetchLimits limits) throws FetchFailure {
        long deadline = System.nanoTime() + limits.attempt().toNanos();
        URI current = ServerUrls.withoutCredentials(url);
        URI origin = current;
        Set<URI> visited = new HashSet<>();
        visited.add(current);
        String authorization = null;
        boolean answered = false;
        int redirects = 0;
        while (true) {
            HttpResponse<InputStream> response = send(current, authorization, deadline, limits);
            int status = response.statusCode();
            if (status == 401) {
                close(response);
                if (answered) {
                    throw new FetchFailure(FetchStatus.UNAUTHORIZED, shown(current) + ": HTTP 401, the server refused user '"
                            + credentials.user() + "' and its password");
                }
                if (!credentials.present()) {
                    throw new FetchFailure(FetchStatus.UNAUTHORIZED, shown(current)
                            + ": HTTP 401, the server asks for a user name and password and none is configured");
                }
                AuthChallenge challenge = AuthChallenge.best(response.headers().allValues("WWW-Authenticate"))
                        .orElseThrow(() -> new FetchFailure(FetchStatus.UNAUTHORIZED, shown(url)
                                + ": HTTP 401 with no Basic or Digest challenge this phone can answer: "
                                + response.headers().allValues("WWW-Authenticate")));
                authorization = challenge.answer(credentials, "GET", requestTarget(current));
                answered = true;
                continue;
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                URI next = current.resolve(response.headers().firstValue("Location").get().trim());
                if (current.getScheme().equalsIgnoreCase("https") && !"https".equalsIgnoreCase(next.getScheme())) {
                    throw new FetchFailure(FetchStatus.PROTOCOL_ERROR, shown(current) + ": refused a redirect from https to "
                            + shown(next));
                }
                if (!visited.add(next)) {
                    throw new FetchFailure(FetchStatus.REDIRECT_LOOP, shown(url) + ": redirect loop back to " + shown(next));
                }
                if (++redirects > limits.maxRedirects()) {
                    throw new FetchFailure(FetchStatus.TOO_MANY_REDIRECTS, shown(url) + ": more than "
                            + limits.maxRedirects() + " redirects");
                }
                if (!sameOrigin(origin, next)) {
                    // Credentials are for the server they were configured for, never for where it points.
                    authorization = null;
                    answered = false;
                    credentials = Credentials.NONE;
                }
                current = next;
                continue;
            }
            if (status >= 200 && status < 300) {
                return body(response, current, deadline, limits);
            }
            close(response);
            throw failure(status, current);
        }
    }

    private HttpResponse<InputStream> send(URI url, String authorization, long deadline, FetchLimits limits) throws FetchFailure {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new FetchFailure(FetchStatus.TIMEOUT, shown(url) + ": not done within " + seconds(limits.attempt()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(left).header("User-Agent", userAgent);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchFailure(FetchStatus.TIMEOUT, shown(url) + ": no connection within " + seconds(limits.connect()), e);
        } catch (HttpTimeoutException e) {
            throw new FetchFailure(FetchStatus.TIMEOUT, shown(url) + ": no answer within " + seconds(limits.attempt()), e);
        } catch (SSLException e) {
            throw tlsFailure(url, e);
        } catch (ConnectException e) {
            throw new FetchFailure(FetchStatus.CONNECT_FAILED, shown(url) + ": "
                    + Optional.ofNullable(e.getMessage()).orElse("connection refused"), e);
        } catch (IOException e) {
            if (findCause(e, SSLException.class) != null) {
                throw tlsFailure(url, findCause(e, SSLException.class));
            }
            throw new FetchFailure(FetchStatus.CONNECT_FAILED, shown(url) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchStatus.TIMEOUT, shown(url) + ": interrupted", e);
        }
    }

    private static byte[] body(HttpResponse<InputStream> response, URI url, long deadline, FetchLimits limits) throws FetchFailure {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limits.maxBytes()) {
            close(response);
            throw new FetchFailure(FetchStatus.TOO_LARGE, shown(url) + ": " + declared + " bytes, more than the limit of "
                    + limits.maxBytes());
        }
        BoundedBuffer buffer = new BoundedBuffer(limits.maxBytes());
        AtomicBoolean late = new AtomicBoolean();
        InputStream in = response.body();
        ScheduledFuture<?> watchdog = Watchdog.after(Duration.ofNanos(deadline - System.nanoTime()), () -> {
            late.set(true);
            closeQuietly(in);
        });
        try (in) {
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (BoundedBuffer.LimitExceeded e) {
            throw new FetchFailure(FetchStatus.TOO_LARGE, shown(url) + ": more than the limit of " + limits.maxBytes() + " bytes");
        } catch (IOException e) {
            if (late.get()) {
                throw new FetchFailure(FetchStatus.TIMEOUT, shown(url) + ": download not finished within "
                        + seconds(limits.attempt()) + " (" + buffer.size() + " bytes so far)");
            }
            throw new FetchFailure(FetchStatus.TRUNCATED, shown(url) + ": the file stopped after " + buffer.size() + " bytes"
                    + (declared >= 0 ? " of " + declared : "") + " (" + e.getMessage() + ")", e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static FetchFailure failure(int status, URI url) {
        String where = shown(url) + ": HTTP " + status;
        if (status == 404) {
            return new FetchFailure(FetchStatus.NOT_FOUND, where + ", not found");
        }
        if (status == 403) {
            return new FetchFailure(FetchStatus.FORBIDDEN, where + ", forbidden");
        }
        if (status == 400 && url.getScheme().equalsIgnoreCase("https")) {
            return new FetchFailure(FetchStatus.PROTOCOL_ERROR, where
                    + ", bad request (a server that wants a client certificate answers so when none was sent)");
        }
        if (status >= 500) {
            return new FetchFailure(FetchStatus.SERVER_ERROR, where + ", server error");
        }
        return new FetchFailure(FetchStatus.PROTOCOL_ERROR, where);
    }

    private static FetchFailure tlsFailure(URI url, SSLException e) {
        CertificateException certificate = findCause(e, CertificateException.class);
        String detail = certificate != null ? certificate.getMessage() : e.getMessage();
        String lower = String.valueOf(detail).toLowerCase(Locale.ROOT);
        if (lower.contains("subject alternative") || lower.contains("no name matching")) {
            return new FetchFailure(FetchStatus.TLS_NAME_MISMATCH, shown(url) + ": the server's certificate is not for "
                    + url.getHost() + " (" + detail + ")", e);
        }
        if (lower.contains("pkix") || lower.contains("certification path") || certificate != null) {
            return new FetchFailure(FetchStatus.TLS_UNTRUSTED, shown(url) + ": the server's certificate is not trusted ("
                    + detail + ")", e);
        }
        if (e instanceof SSLHandshakeException && lower.contains("certificate_required")) {
            return new FetchFailure(FetchStatus.TLS_FAILED, shown(url) + ": the server wants a client certificate", e);
        }
        return new FetchFailure(FetchStatus.TLS_FAILED, shown(url) + ": TLS failed (" + detail + ")", e);
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost()).equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static void close(HttpResponse<InputStream> response) {
        closeQuietly(response.body());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how we give up on the body; there is nothing left to do if that fails.
        }
    }

    private static String shown(URI url) {
        return ServerUrls.redact(url);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
