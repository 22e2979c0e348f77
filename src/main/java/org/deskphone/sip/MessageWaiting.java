package org.deskphone.sip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * Message waiting (RFC 3842): for accounts that ask for it (Yealink {@code account.X.subscribe_mwi},
 * seed L13405), a SUBSCRIBE to {@code message-summary} once registered, refreshed at half its expiry
 * ({@code account.X.subscribe_mwi_expires}, seed L13433); and the NOTIFYs, in that subscription or
 * unsolicited (many servers send them without one), whose counts reach the account.
 */
final class MessageWaiting {
    private static final Duration RETRY = Duration.ofSeconds(60);

    private final UserAgent ua;
    private final Map<Account, Timer> refreshes = new HashMap<>();
    private boolean stopped;

    MessageWaiting(UserAgent ua) {
        this.ua = ua;
    }

    /** An account registered: subscribe, unless it already has a subscription going. */
    void registered(Account account) {
        if (account.settings().subscribeMwi() && !refreshes.containsKey(account) && !stopped) {
            subscribe(account);
        }
    }

    void stop() {
        stopped = true;
        refreshes.values().forEach(Timer::cancel);
        refreshes.clear();
    }

    private void subscribe(Account account) {
        Optional<LocalEndpoint> endpoint = account.registrationMachine().endpoint();
        Optional<ServerLocator.Target> target = account.registrationMachine().target();
        if (endpoint.isEmpty() || target.isEmpty()) {
            return;
        }
        try {
            Address aor = account.addressOfRecord(account.registrationMachine().currentServer());
            SipURI mailbox = (SipURI) aor.getURI().clone();
            if (account.settings().voicemail().isPresent()) {
                mailbox.setUser(account.settings().voicemail().get());
            }
            Address to = ua.host().addresses().createAddress(mailbox);
            ServerSettings server = account.settings().servers().get(account.registrationMachine().currentServer());
            Optional<SipURI> route = server.outboundProxy().isPresent()
                    ? Optional.of(ua.requests().looseRoute(server.outboundProxy().get(), target.get().transport()))
                    : Optional.of(ua.requests().looseRoute(target.get()));
            Request subscribe = ua.requests().create(Request.SUBSCRIBE, mailbox, aor, ua.newTag(), to, ua.newCallId(), 1,
                    endpoint.get(), account.settings().rport(), route);
            subscribe.addHeader(ua.host().headers().createEventHeader("message-summary"));
            subscribe.addHeader(ua.host().headers().createAcceptHeader("application", "simple-message-summary"));
            subscribe.addHeader(ua.host().headers().createExpiresHeader((int) account.settings().mwiExpires().getSeconds()));
            subscribe.addHeader(ua.host().headers().createContactHeader(ua.requests().contactAddress(account.settings().userName(), endpoint.get())));
            SipProvider provider = ua.host().provider(endpoint.get()).orElseThrow();
            ua.clientRequests().send(subscribe, provider, null, Optional.of(account.credentials()), Duration.ofSeconds(16),
                    new ClientRequests.Handler() {
                        @Override
                        public void answered(ResponseEvent event, Response response) {
                            if (response.getStatusCode() < 300) {
                                ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
                                long seconds = expires != null ? expires.getExpires() : account.settings().mwiExpires().getSeconds();
                                Logger.info("{}: subscribed to message waiting for {} s", account, seconds);
                                schedule(account, Duration.ofSeconds(Math.max(10, seconds / 2)));
                            } else {
                                Logger.info("{}: message-waiting subscription refused: {} {}", account, response.getStatusCode(),
                                        response.getReasonPhrase());
                                schedule(account, RETRY);
                            }
                        }

                        @Override
                        public void failed(String reason) {
                            Logger.info("{}: message-waiting subscription: {}", account, reason);
                            schedule(account, RETRY);
                        }
                    });
        } catch (Exception e) {
            Logger.warn(e, "{}: cannot subscribe to message waiting", account);
        }
    }

    private void schedule(Account account, Duration delay) {
        if (stopped) {
            return;
        }
        Timer old = refreshes.put(account, ua.loop().schedule(delay, () -> {
            refreshes.remove(account);
            subscribe(account);
        }));
        if (old != null) {
            old.cancel();
        }
    }

    /** A message-summary NOTIFY, in a subscription or not: 200, and the counts to the account. */
    void onNotify(RequestEvent event, ServerTransaction transaction) {
        Request notify = event.getRequest();
        Account account = ua.accountFor(notify);
        ua.respond(transaction, notify, Response.OK, "");
        if (account == null) {
            return;
        }
        byte[] body = notify.getRawContent();
        MessageSummary summary = body == null ? MessageSummary.NONE : MessageSummary.parse(new String(body, StandardCharsets.UTF_8));
        Logger.info("{}: messages {} ({} new, {} old)", account, summary.waiting() ? "waiting" : "none", summary.newMessages(),
                summary.oldMessages());
        ua.messageSummary(account, summary);
    }
}
