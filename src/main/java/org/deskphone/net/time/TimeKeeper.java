package org.deskphone.net.time;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * Keeps the {@link PhoneClock} right by the method the settings choose: SNTP against the servers DHCP
 * option 42 names, then the configured ones; the SIP server's {@code Date} header; or the time the user
 * set. Lives on the phone loop; the SNTP exchange itself runs on {@code worker} and its result comes back
 * to the loop.
 *
 * <p>Where the operating system keeps time (the PC board) the phone never contacts the factory's default
 * servers: it synchronises only with servers configured for it or given by DHCP, and otherwise shows the
 * system's time.
 */
public final class TimeKeeper implements TimeSource {
    /** Asks one SNTP server; {@link SntpClient#query} in production. */
    @FunctionalInterface
    public interface Sntp {
        SntpClient.Sample query(InetSocketAddress server) throws IOException;
    }

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration SIP_DATE_TOLERANCE = Duration.ofSeconds(1);

    private final PhoneLoop loop;
    private final PhoneClock clock;
    private final Executor worker;
    private final Sntp sntp;
    private final boolean systemKeepsTime;
    private final int port;
    private TimeSettings settings;
    private List<String> dhcpServers = List.of();
    private Timer next;
    private Duration retry = FIRST_RETRY;
    private long generation;
    private String source = "system clock";
    private Optional<Instant> lastSync = Optional.empty();

    /**
     * @param systemKeepsTime true where the operating system keeps time (the PC): factory servers are not used
     * @param port            the SNTP port (123; tests use a server on another)
     */
    public TimeKeeper(PhoneLoop loop, PhoneClock clock, Executor worker, Sntp sntp, boolean systemKeepsTime, int port) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.sntp = Objects.requireNonNull(sntp, "sntp");
        this.systemKeepsTime = systemKeepsTime;
        this.port = port;
    }

    /** Takes new settings and starts over: an SNTP synchronisation at once when SNTP is the method. */
    public void configure(TimeSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        restart();
    }

    /** The SNTP servers DHCP gave (options 42 and DHCPv6 31); they come before the configured ones. */
    public void dhcpServers(List<String> servers) {
        if (!servers.equals(dhcpServers)) {
            dhcpServers = List.copyOf(servers);
            if (settings != null && settings.method() == TimeSettings.Method.SNTP) {
                restart();
            }
        }
    }

    /** The servers SNTP asks, in order; empty when the phone keeps the system's time. */
    public List<String> servers() {
        List<String> servers = new ArrayList<>(dhcpServers);
        if (settings != null && (settings.serversConfigured() || !systemKeepsTime)) {
            settings.servers().stream().filter(s -> !servers.contains(s)).forEach(servers::add);
        }
        return servers;
    }

    @Override
    public void sipDate(String headerValue) {
        if (settings == null || settings.method() != TimeSettings.Method.SIP_SERVER) {
            return;
        }
        Instant date;
        try {
            date = ZonedDateTime.parse(headerValue.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            Logger.warn("SIP Date header '{}' is not an RFC 1123 date; ignored", headerValue);
            return;
        }
        // The header has whole seconds: correcting by less would only make the clock jitter.
        if (Duration.between(clock.now(), date).abs().compareTo(SIP_DATE_TOLERANCE) > 0) {
            adopt(Duration.between(clock.base().now(), date), "SIP server Date header");
        }
    }

    @Override
    public void setByHand(Instant instant) {
        if (settings == null || settings.method() != TimeSettings.Method.MANUAL) {
            Logger.info("time set by hand ignored: the time method is {}", settings == null ? "not set" : settings.method());
            return;
        }
        adopt(Duration.between(clock.base().now(), instant), "set by hand");
    }

    /** Where the time comes from now, for the status page. */
    public String source() {
        return source;
    }

    /** When the clock was last corrected. */
    public Optional<Instant> lastSync() {
        return lastSync;
    }

    public void stop() {
        generation++;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void restart() {
        stop();
        retry = FIRST_RETRY;
        if (settings.method() != TimeSettings.Method.SNTP) {
            return;
        }
        if (servers().isEmpty()) {
            clock.setOffset(Duration.ZERO);
            source = "system clock";
            Logger.info("no SNTP server configured: the phone shows the system's time");
            return;
        }
        synchronise();
    }

    private void synchronise() {
        long run = generation;
        List<String> servers = servers();
        worker.execute(() -> {
            List<String> failures = new ArrayList<>();
            for (String server : servers) {
                try {
                    SntpClient.Sample sample = sntp.query(new InetSocketAddress(server, port));
                    loop.post(() -> synchronised(run, server, sample));
                    return;
                } catch (IOException | RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
            loop.post(() -> failed(run, failures));
        });
    }

    private void synchronised(long run, String server, SntpClient.Sample sample) {
        if (run != generation) {
            return;
        }
        adopt(sample.offset(), "SNTP " + server);
        Logger.debug("SNTP {}: offset {} ms, round trip {} ms, stratum {}", server, sample.offset().toMillis(),
                sample.roundTrip().toMillis(), sample.stratum());
        retry = FIRST_RETRY;
        if (!settings.refresh().isZero()) {
            next = loop.schedule(settings.refresh(), this::synchronise);
        }
    }

    private void failed(long run, List<String> failures) {
        if (run != generation) {
            return;
        }
        Duration wait = settings.refresh().isZero() ? retry : min(retry, settings.refresh());
        Logger.warn("time not synchronised ({}); next try in {} s", String.join("; ", failures), wait.toSeconds());
        retry = min(retry.multipliedBy(2), Duration.ofHours(1));
        next = loop.schedule(wait, this::synchronise);
    }

    private void adopt(Duration offset, String from) {
        clock.setOffset(offset);
        source = from;
        lastSync = Optional.of(clock.now());
        Logger.info("time from {}: offset {} ms", from, offset.toMillis());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
