package org.deskphone.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Random;
import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * One account's registration: REGISTER to server 1 or 2 with digest auth, refresh at the configured
 * proportion of the granted expiry (ALE {@code AccountXRegisterRenewalIntervalProportion}, seed L5778,
 * default 50 %), failover to the other server when one answers 5xx, does not answer, or cannot be reached
 * (ALE seed L5797-5804: failover stays on the server that works, fallback returns to server 1 at each
 * refresh), retry with backoff and jitter ({@link RetrySchedule}), and the unregister at shutdown. Runs on
 * the phone loop; every change of state reaches the account's listeners.
 */
final class Registration {
    private final UserAgent ua;
    private final Account account;
    private final AccountSettings settings;
    private final String callId;
    private final String fromTag;
    private final Random random = new Random();
    private long cseq;
    private int server;
    private boolean[] triedThisRound;
    private int failures;
    private RegistrationStatus status = new RegistrationStatus.Idle("not started");
    private ClientTransaction inFlight;
    private Timer refresh;
    private Timer retry;
    private Timer keepAlive;
    private ServerLocator.Target target;
    private LocalEndpoint endpoint;
    private Duration requested;
    private boolean stopping;
    private Runnable whenStopped;

    Registration(UserAgent ua, Account account) {
        this.ua = ua;
        this.account = account;
        this.settings = account.settings();
        this.callId = ua.newCallId();
        this.fromTag = ua.newTag();
        this.triedThisRound = new boolean[settings.servers().size()];
    }

    RegistrationStatus status() {
        return status;
    }

    /** The server and local endpoint of the current binding, when registered: where calls for the account go. */
    Optional<ServerLocator.Target> target() {
        return Optional.ofNullable(target);
    }

    Optional<LocalEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    int currentServer() {
        return server;
    }

    void start() {
        if (settings.servers().isEmpty()) {
            change(new RegistrationStatus.Idle("no server configured"));
            return;
        }
        server = 0;
        attempt();
    }

    /** Unregisters (REGISTER with expiry 0) when registered; {@code done} runs once that is answered or gave up. */
    void stop(Runnable done) {
        stopping = true;
        cancelTimers();
        if (status instanceof RegistrationStatus.Registered && target != null) {
            whenStopped = done;
            send(Duration.ZERO);
        } else {
            change(new RegistrationStatus.Idle("stopped"));
            done.run();
        }
    }

    /** The connection to the registrar broke (TCP/TLS): the binding is gone with it, register again. */
    void connectionLost(String host, int port) {
        if (target != null && !stopping && target.transport().reliable() && target.port() == port
                && AddressText.same(target.address(), host)
                && status instanceof RegistrationStatus.Registered) {
            Logger.info("{}: connection to {} lost; registering again", account, target);
            attempt();
        }
    }

    private void attempt() {
        cancelTimers();
        if (stopping) {
            return;
        }
        ServerSettings chosen = settings.servers().get(server);
        change(new RegistrationStatus.Registering(chosen.address().toString()));
        ua.locate(chosen, settings.transport(), targets -> {
            if (stopping) {
                return;
            }
            if (targets.isEmpty()) {
                serverFailed("cannot resolve " + chosen.address());
                return;
            }
            target = targets.get(0);
            Optional<LocalEndpoint> local = ua.host().endpoint(target.transport(), target.address());
            if (local.isEmpty()) {
                serverFailed("this phone does not listen on " + target.transport() + " over "
                        + (target.address() instanceof java.net.Inet6Address ? "IPv6" : "IPv4") + ", needed for " + target);
                return;
            }
            endpoint = local.get();
            send(chosen.expires());
        });
    }

    private void send(Duration expires) {
        ServerSettings chosen = settings.servers().get(server);
        requested = expires;
        try {
            SipURI registrar = ua.host().addresses().createSipURI(null, chosen.address().uriHost());
            if (chosen.address().port() != 0) {
                registrar.setPort(chosen.address().port());
            }
            if (target.transport() != Transport.UDP) {
                registrar.setTransportParam(target.transport().token());
            }
            Address aor = account.addressOfRecord(server);
            Request request = ua.requests().create(Request.REGISTER, registrar, aor, fromTag, aor, callId, ++cseq, endpoint,
                    settings.rport(), route(chosen));
            ContactHeader contact = ua.host().headers().createContactHeader(ua.requests().contactAddress(settings.userName(), endpoint));
            if (expires.isZero()) {
                contact.setExpires(0);
            }
            request.addHeader(contact);
            request.addHeader(ua.host().headers().createExpiresHeader((int) expires.getSeconds()));
            SipProvider provider = ua.host().provider(endpoint).orElseThrow();
            Duration timeout = expires.isZero() ? Duration.ofSeconds(1) : responseTimeout(chosen);
            inFlight = ua.clientRequests().send(request, provider, null, Optional.of(account.credentials()), timeout, new Handler(request));
        } catch (Exception e) {
            Logger.warn(e, "{}: cannot build REGISTER", account);
            serverFailed("cannot send REGISTER: " + e.getMessage());
        }
    }

    /** A Route to the outbound proxy bound to this server (ALE seed L5807-5811), or to a target DNS found. */
    private Optional<SipURI> route(ServerSettings chosen) throws Exception {
        if (chosen.outboundProxy().isPresent()) {
            return Optional.of(ua.requests().looseRoute(chosen.outboundProxy().get(), target.transport()));
        }
        if (!ServerLocator.isLiteral(chosen.address().host()) || chosen.address().port() == 0) {
            return Optional.of(ua.requests().looseRoute(target));
        }
        return Optional.empty();
    }

    /** The retransmissions Yealink's {@code retry_counts} allows (seed L11959): T1 × (2^(n+1) − 1), at most 64 T1. */
    private Duration responseTimeout(ServerSettings chosen) {
        long t1 = ua.settings().t1().toMillis();
        long factor = Math.min((1L << (chosen.retryCounts() + 1)) - 1, 64);
        return Duration.ofMillis(t1 * factor);
    }

    private final class Handler implements ClientRequests.Handler {
        private Request request;

        Handler(Request request) {
            this.request = request;
        }

        @Override
        public void resent(ClientTransaction transaction, Request again) {
            inFlight = transaction;
            request = again;
            cseq = ((javax.sip.header.CSeqHeader) again.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        }

        @Override
        public void answered(ResponseEvent event, Response response) {
            inFlight = null;
            if (stopping) {
                Logger.info("{}: unregistered from {} ({} {})", account, target, response.getStatusCode(), response.getReasonPhrase());
                finishStop();
                return;
            }
            int code = response.getStatusCode();
            String server = settings.servers().get(Registration.this.server).address().toString();
            if (code >= 200 && code < 300) {
                registered(response, server);
            } else if (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) {
                failedForGood("authentication failed at " + server + ": wrong user name or password (" + code + " "
                        + response.getReasonPhrase() + ")");
            } else if (code == Response.FORBIDDEN) {
                failedForGood(server + " refused the registration: " + code + " " + response.getReasonPhrase());
            } else if (code == Response.INTERVAL_TOO_BRIEF) {
                MinExpiresHeader min = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
                if (min != null && min.getExpires() > requested.getSeconds() && min.getExpires() <= 86_400) {
                    send(Duration.ofSeconds(min.getExpires()));
                } else {
                    failedForGood(server + " answered 423 without a usable Min-Expires");
                }
            } else if (code >= 500 || code == Response.REQUEST_TIMEOUT) {
                serverFailed(server + " answered " + code + " " + response.getReasonPhrase());
            } else {
                failedForGood(server + " answered " + code + " " + response.getReasonPhrase());
            }
        }

        @Override
        public void failed(String reason) {
            inFlight = null;
            if (stopping) {
                Logger.info("{}: unregister from {} not confirmed: {}", account, target, reason);
                finishStop();
                return;
            }
            serverFailed(reason);
        }
    }

    private void registered(Response response, String server) {
        long granted = grantedSeconds(response);
        if (granted <= 0) {
            failedForGood(server + " granted no binding for this phone's contact");
            return;
        }
        failures = 0;
        triedThisRound = new boolean[settings.servers().size()];
        Instant until = ua.loop().clock().now().plusSeconds(granted);
        change(new RegistrationStatus.Registered(server + " (" + target + ")", until));
        long refreshMillis = Math.max(1000, granted * 1000L * settings.renewalPercent() / 100);
        refresh = ua.loop().schedule(Duration.ofMillis(refreshMillis), this::refreshNow);
        if (!settings.keepAlive().isZero()) {
            keepAlive = ua.loop().every(settings.keepAlive(), this::sendKeepAlive);
        }
    }

    private void refreshNow() {
        // Fallback mode goes back to server 1 at every refresh; failover stays where it works.
        if (!ua.settings().failover()) {
            server = 0;
        }
        attempt();
    }

    /** The expiry granted to this phone's own contact, else the Expires header, else what was asked. */
    private long grantedSeconds(Response response) {
        String mine = ua.requests().contactAddress(settings.userName(), endpoint).getURI().toString();
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        boolean any = false; // contacts listed, none of them ours: the registrar kept no binding for us
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            any = true;
            if (sameContact(contact.getAddress().getURI().toString(), mine) && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        if (expires != null) {
            return expires.getExpires();
        }
        return any ? 0 : requested.getSeconds();
    }

    private static boolean sameContact(String theirs, String mine) {
        return strip(theirs).equalsIgnoreCase(strip(mine));
    }

    private static String strip(String uri) {
        int semicolon = uri.indexOf(';');
        return semicolon < 0 ? uri : uri.substring(0, semicolon);
    }

    private void sendKeepAlive() {
        ServerLocator.Target t = target;
        LocalEndpoint local = endpoint;
        if (t == null || local == null || !(status instanceof RegistrationStatus.Registered)) {
            return;
        }
        SipProvider provider = ua.host().provider(local).orElse(null);
        if (provider == null) {
            return;
        }
        ListeningPoint point = provider.getListeningPoint(local.transport().token());
        ua.outbox().send("keep-alive to " + t, () -> ((gov.nist.javax.sip.ListeningPointExt) point)
                .sendHeartbeat(AddressText.of(t.address()), t.port()), reason -> Logger.debug("{}: {}", account, reason));
    }

    /** The server failed (5xx, no answer, unreachable): try the other one, else retry later. */
    private void serverFailed(String reason) {
        Logger.info("{}: {}", account, reason);
        triedThisRound[server] = true;
        for (int other = 0; other < settings.servers().size(); other++) {
            if (!triedThisRound[other]) {
                Logger.info("{}: trying server {} ({})", account, other + 1, settings.servers().get(other).address());
                server = other;
                attempt();
                return;
            }
        }
        triedThisRound = new boolean[settings.servers().size()];
        server = 0;
        scheduleRetry(reason);
    }

    /** A failure another server would not cure (credentials, refusal): retry later, slowly. */
    private void failedForGood(String reason) {
        Logger.warn("{}: {}", account, reason);
        account.credentials().forget();
        triedThisRound = new boolean[settings.servers().size()];
        scheduleRetry(reason);
    }

    private void scheduleRetry(String reason) {
        failures++;
        Duration delay = RetrySchedule.after(failures, settings.retryInterval(), random);
        Instant at = ua.loop().clock().now().plus(delay);
        cancelTimers();
        change(new RegistrationStatus.Failed(reason, Optional.of(at)));
        retry = ua.loop().schedule(delay, this::attempt);
    }

    private void finishStop() {
        change(new RegistrationStatus.Idle("unregistered"));
        Runnable done = whenStopped;
        whenStopped = null;
        if (done != null) {
            done.run();
        }
    }

    private void cancelTimers() {
        for (Timer timer : new Timer[] {refresh, retry, keepAlive}) {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private void change(RegistrationStatus next) {
        if (!next.equals(status)) {
            status = next;
            Logger.info("{}: {}", account, next.describe());
            ua.registrationChanged(account, next);
        }
    }
}
