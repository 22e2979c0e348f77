package org.deskphone.sip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.deskphone.loop.PhoneLoop;
import org.tinylog.Logger;

/**
 * The phone's SIP user agent: one jain-sip stack, the accounts and their registrations, the calls, MWI
 * and check-sync. Everything jain-sip reports is posted to the phone loop; nothing blocks in the stack's
 * listener. All methods except {@link #start} and {@link #stop} are for the phone loop's thread.
 */
public final class UserAgent {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipSettings settings;
    private final CallMedia media;
    private final PhoneLoop loop;
    private final List<SipEvents> listeners = new CopyOnWriteArrayList<>();
    private final SipEvents events = new Fanout();
    private final List<Account> accounts = new ArrayList<>();
    private final ClientRequests clientRequests;
    private final CallControl calls;
    private final MessageWaiting messageWaiting;
    private final ServerLocator locator;
    private SipStackHost host;
    private Outbox outbox;
    private Requests requests;
    private volatile boolean stopped;

    private UserAgent(SipSettings settings, CallMedia media, PhoneLoop loop, ServerLocator.Dns dns) {
        this.settings = settings;
        this.media = media;
        this.loop = loop;
        this.clientRequests = new ClientRequests(this);
        this.calls = new CallControl(this);
        this.messageWaiting = new MessageWaiting(this);
        this.locator = new ServerLocator(dns);
    }

    /**
     * Starts the stack on the addresses and ports of {@code settings} and registers every account that has
     * a server. The phone's TLS certificate is kept where {@link TlsSettings#deviceCertificate()} says (made on
     * first start), or in memory only. {@code listeners} hear everything from the first registration on. Safe
     * from any thread; registration runs on {@code loop}.
     */
    public static UserAgent start(SipSettings settings, CallMedia media, PhoneLoop loop, SipEvents... listeners)
            throws SipStartException {
        return start(settings, media, loop, new JndiDns(), listeners);
    }

    static UserAgent start(SipSettings settings, CallMedia media, PhoneLoop loop, ServerLocator.Dns dns, SipEvents... listeners)
            throws SipStartException {
        UserAgent ua = new UserAgent(settings, media, loop, dns);
        ua.listeners.addAll(List.of(listeners));
        ua.outbox = new Outbox(loop, "sip-send");
        ua.host = SipStackHost.start(settings, ua.new StackListener());
        ua.requests = new Requests(ua.host, settings.userAgent());
        for (AccountSettings account : settings.accounts()) {
            ua.accounts.add(new Account(ua, account));
        }
        loop.post(() -> ua.accounts.forEach(a -> a.registrationMachine().start()));
        return ua;
    }

    /** Adds a listener; its methods run on the phone loop. */
    public void addListener(SipEvents listener) {
        listeners.add(listener);
    }

    public void removeListener(SipEvents listener) {
        listeners.remove(listener);
    }

    /** Where the phone listens, for the {@code ready} line and the status page. */
    public List<LocalEndpoint> endpoints() {
        return host.endpoints();
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    public Optional<Account> account(int index) {
        return accounts.stream().filter(a -> a.index() == index).findFirst();
    }

    /**
     * Calls {@code target}: a SIP URI ({@code sip:bob@example.com}, {@code sip:bob@127.0.0.1:5070}), a
     * {@code user@host}, or a number dialled through the account's server. {@code account} may be null for
     * a direct IP call.
     *
     * @throws IllegalArgumentException when the target cannot be called (with the reason)
     * @throws IllegalStateException    when the phone already has its maximum of calls
     */
    public Call dial(Account account, String target) {
        return calls.dial(account, target);
    }

    /**
     * Like {@link #dial(Account, String)}, with extra headers on the INVITE: an intercom or paging call's
     * request to be answered at once ({@code Call-Info}, {@code Alert-Info} or {@code Answer-Mode}).
     */
    public Call dial(Account account, String target, Map<String, String> headers) {
        return calls.dial(account, target, headers);
    }

    /**
     * A local conference: the media mixes {@code members} with each other and with the phone; calls not
     * named leave the mix. False when the media cannot mix (the interim media).
     */
    public boolean conference(Collection<Call> members) {
        return calls.conference(members);
    }

    /** Calls not yet ended. */
    public List<Call> calls() {
        return calls.calls().stream().filter(Call::active).toList();
    }

    /** Counters that show whether a peer's misbehaviour left anything behind. */
    public SipDiagnostics diagnostics() {
        SIPTransactionStack stack = (SIPTransactionStack) host.stack();
        return new SipDiagnostics(calls.activeCount(), clientRequests.size(), stack.getDialogs().size(),
                stack.getServerTransactionTableSize(), stack.getClientTransactionTableSize());
    }

    /**
     * Unregisters every account, ends calls, stops the stack and ends its threads, within {@code budget}
     * (the unregistering takes what is left after about 1.2 s for the stack). Call it from outside the
     * phone loop, while the loop still runs: the answers to the unregister arrive as loop tasks.
     */
    public void stop(Duration budget) {
        if (stopped) {
            return;
        }
        stopped = true;
        long deadline = System.nanoTime() + budget.toNanos();
        long forUnregister = Math.max(100, budget.toMillis() - 1300);
        CountDownLatch unregistered = new CountDownLatch(1);
        if (loop.inLoop()) {
            throw new IllegalStateException("UserAgent.stop must not run on the phone loop: it waits for answers that arrive there");
        }
        loop.post(() -> {
            calls.hangUpAll();
            messageWaiting.stop();
            List<Account> left = new ArrayList<>(accounts);
            if (left.isEmpty()) {
                unregistered.countDown();
                return;
            }
            int[] pending = {left.size()};
            for (Account account : left) {
                account.registrationMachine().stop(() -> {
                    if (--pending[0] == 0) {
                        unregistered.countDown();
                    }
                });
            }
        });
        try {
            if (!unregistered.await(forUnregister, TimeUnit.MILLISECONDS)) {
                Logger.info("not every account confirmed its unregister within {} ms", forUnregister);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.stop(Duration.ofMillis(Math.max(50, Math.min(300, (deadline - System.nanoTime()) / 1_000_000))));
        loop.post(clientRequests::clear);
        host.stop();
        Logger.info("SIP stopped");
    }

    // ------------------------------------------------------------------ for the package

    SipSettings settings() {
        return settings;
    }

    PhoneLoop loop() {
        return loop;
    }

    SipStackHost host() {
        return host;
    }

    Outbox outbox() {
        return outbox;
    }

    Requests requests() {
        return requests;
    }

    ClientRequests clientRequests() {
        return clientRequests;
    }

    CallMedia media() {
        return media;
    }

    SipEvents events() {
        return events;
    }

    String newCallId() {
        return HexFormat.of().formatHex(random(12)) + "@deskphone";
    }

    String newTag() {
        return HexFormat.of().formatHex(random(6));
    }

    String newBranch() {
        return "z9hG4bK" + HexFormat.of().formatHex(random(10));
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    void registrationChanged(Account account, RegistrationStatus status) {
        events.registrationChanged(account, status);
        if (status instanceof RegistrationStatus.Registered) {
            messageWaiting.registered(account);
        }
    }

    /** Resolves {@code server} off the loop (DNS may block) and hands the targets back on it. */
    void locate(ServerSettings server, ServerTransport transport, Consumer<List<ServerLocator.Target>> then) {
        outbox.work(() -> {
            List<ServerLocator.Target> targets;
            try {
                targets = locator.locate(server.address(), transport);
            } catch (Exception e) {
                Logger.info("cannot resolve {}: {}", server.address(), e.toString());
                targets = List.of();
            }
            List<ServerLocator.Target> found = targets;
            loop.post(() -> then.accept(found));
        });
    }

    /** How a request leaves: the local endpoint, its provider, and a preloaded Route if one is needed. */
    record Route(LocalEndpoint endpoint, SipProvider provider, Optional<SipURI> route) {
    }

    /**
     * The way out for a call to {@code uri}: through the account's server (its outbound proxy, or the
     * address registration resolved) unless {@code uri} names an IP address of its own (a direct call).
     */
    void route(Account account, SipURI uri, Consumer<Optional<Route>> then) {
        boolean literal = ServerLocator.isLiteral(uri.getHost().replace("[", "").replace("]", ""));
        Optional<ServerSettings> server = account == null || account.settings().servers().isEmpty() ? Optional.empty()
                : Optional.of(account.settings().servers().get(account.registrationMachine().currentServer()));
        boolean viaServer = server.isPresent() && (!literal || sameServer(server.get().address(), uri));
        if (viaServer) {
            ServerSettings chosen = server.get();
            Consumer<List<ServerLocator.Target>> withTargets = targets -> {
                if (targets.isEmpty()) {
                    then.accept(Optional.empty());
                    return;
                }
                ServerLocator.Target target = targets.get(0);
                Optional<LocalEndpoint> endpoint = account.registrationMachine().endpoint().filter(e -> e.transport() == target.transport())
                        .or(() -> host.endpoint(target.transport(), target.address()));
                if (endpoint.isEmpty()) {
                    then.accept(Optional.empty());
                    return;
                }
                try {
                    Optional<SipURI> route = chosen.outboundProxy().isPresent()
                            ? Optional.of(requests.looseRoute(chosen.outboundProxy().get(), target.transport()))
                            : sameServer(chosen.address(), uri) && literal ? Optional.empty() : Optional.of(requests.looseRoute(target));
                    then.accept(Optional.of(new Route(endpoint.get(), host.provider(endpoint.get()).orElseThrow(), route)));
                } catch (ParseException e) {
                    then.accept(Optional.empty());
                }
            };
            Optional<ServerLocator.Target> known = account.registrationMachine().target();
            if (known.isPresent()) {
                withTargets.accept(List.of(known.get()));
            } else {
                locate(chosen, account.settings().transport(), withTargets);
            }
            return;
        }
        Transport transport = uri.getTransportParam() != null ? Transport.fromToken(uri.getTransportParam())
                : account != null ? account.settings().transport().fixed().orElse(Transport.UDP) : Transport.UDP;
        HostPort destination = new HostPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : transport.defaultPort());
        ServerTransport fixed = ServerTransport.valueOf(transport.name());
        locate(new ServerSettings(destination, Duration.ofSeconds(3600), 3, Optional.empty()), fixed, targets -> {
            Optional<LocalEndpoint> endpoint = targets.isEmpty() ? Optional.empty() : host.endpoint(transport, targets.get(0).address());
            then.accept(endpoint.map(e -> new Route(e, host.provider(e).orElseThrow(), Optional.empty())));
        });
    }

    private static boolean sameServer(HostPort server, SipURI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : 5060;
        int serverPort = server.port() > 0 ? server.port() : 5060;
        return server.host().equalsIgnoreCase(uri.getHost().replace("[", "").replace("]", "")) && port == serverPort;
    }

    /** The account a request is for: by request-URI user, then To user, else the first account. */
    Account accountFor(Request request) {
        String user = request.getRequestURI() instanceof SipURI sip ? sip.getUser() : null;
        String to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
        for (String name : new String[] {user, to}) {
            for (Account account : accounts) {
                if (account.settings().userName().equals(name)) {
                    return account;
                }
            }
        }
        return accounts.isEmpty() ? null : accounts.get(0);
    }

    /** Whether a request came from one of the servers this phone registers with (SIPPeerFilterEnable). */
    boolean fromOwnServer(Request request, RequestEvent event) {
        if (!(event instanceof RequestEventExt ext) || ext.getRemoteIpAddress() == null) {
            return false;
        }
        for (Account account : accounts) {
            Optional<ServerLocator.Target> target = account.registrationMachine().target();
            if (target.isPresent() && AddressText.same(target.get().address(), ext.getRemoteIpAddress())) {
                return true;
            }
        }
        return false;
    }

    /** The local endpoint a request arrived on: its provider's address and the transport of its Via. */
    LocalEndpoint endpointOf(RequestEvent event) {
        SipProvider provider = (SipProvider) event.getSource();
        ViaHeader via = (ViaHeader) event.getRequest().getHeader(ViaHeader.NAME);
        Transport transport = via == null ? Transport.UDP : Transport.fromToken(via.getTransport());
        for (LocalEndpoint endpoint : host.endpoints()) {
            if (endpoint.transport() == transport && host.provider(endpoint).orElse(null) == provider) {
                return endpoint;
            }
        }
        return host.endpoints().get(0);
    }

    /** A header to add to a response; may throw while building it. */
    @FunctionalInterface
    interface ResponseEditor {
        void edit(Response response) throws Exception;
    }

    void respond(ServerTransaction transaction, Request request, int code, String detail) {
        respond(transaction, request, code, null, null);
        if (detail != null && !detail.isEmpty() && code >= 300) {
            Logger.info("answered {} {} with {}: {}", request.getMethod(), CallControl.callId(request), code, detail);
        }
    }

    void respond(ServerTransaction transaction, Request request, int code, ResponseEditor editor) {
        respond(transaction, request, code, null, editor);
    }

    /** Answers {@code request}; {@code toTag} is set on dialog-creating responses. Sent by the outbox. */
    void respond(ServerTransaction transaction, Request request, int code, String toTag, ResponseEditor editor) {
        Response response;
        try {
            response = host.messages().createResponse(code, request);
            if (toTag != null && code > 100) {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(toTag);
            }
            if (code == Response.METHOD_NOT_ALLOWED || request.getMethod().equals(Request.OPTIONS)
                    || code >= 200 && code < 300 && request.getMethod().equals(Request.INVITE)) {
                requests.decorate(response);
            } else {
                response.setHeader(host.headers().createHeader("User-Agent", settings.userAgent()));
            }
            if (editor != null) {
                editor.edit(response);
            }
        } catch (Exception e) {
            Logger.warn(e, "cannot build a {} response to {}", code, request.getMethod());
            return;
        }
        String what = code + " to " + request.getMethod();
        if (transaction != null) {
            outbox.send(what, () -> transaction.sendResponse(response), reason -> Logger.info("{}", reason));
        } else if (!host.providers().isEmpty()) {
            SipProvider provider = host.providers().get(0);
            outbox.send(what, () -> provider.sendResponse(response), reason -> Logger.info("{}", reason));
        }
    }

    // ------------------------------------------------------------------ events from the stack, on the loop

    private void onRequest(RequestEvent event, ServerTransaction transaction) {
        if (stopped) {
            return;
        }
        Request request = event.getRequest();
        String method = request.getMethod();
        switch (method) {
            case Request.INVITE -> calls.onInvite(event, transaction);
            case Request.ACK -> calls.onAck(event);
            case Request.CANCEL -> calls.onCancel(event, transaction);
            case Request.BYE -> calls.onBye(event, transaction);
            case Request.INFO -> calls.dtmf().onInfo(event, transaction);
            case Request.UPDATE -> calls.onUpdate(event, transaction);
            case Request.PRACK -> respond(transaction, request, calls.byCallId(CallControl.callId(request)).isPresent()
                    ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "");
            case Request.REFER -> calls.transfers().onRefer(event, transaction);
            case Request.NOTIFY -> onNotify(event, transaction);
            case Request.OPTIONS -> respond(transaction, request, Response.OK, r -> {
                r.addHeader(host.headers().createAcceptHeader("application", "sdp"));
            });
            case Request.SUBSCRIBE -> respond(transaction, request, Response.BAD_EVENT, "this phone takes no subscriptions");
            case Request.REGISTER -> respond(transaction, request, Response.METHOD_NOT_ALLOWED, "a phone is no registrar");
            default -> respond(transaction, request, Response.METHOD_NOT_ALLOWED, "method " + method + " is not supported");
        }
    }

    private void onNotify(RequestEvent event, ServerTransaction transaction) {
        Request notify = event.getRequest();
        EventHeader header = (EventHeader) notify.getHeader(EventHeader.NAME);
        String type = header == null ? "" : header.getEventType().toLowerCase(java.util.Locale.ROOT);
        switch (type) {
            case "refer" -> {
                Optional<Call> call = calls.byCallId(CallControl.callId(notify));
                if (call.isPresent()) {
                    calls.transfers().onReferNotify(call.get(), notify, transaction);
                } else {
                    respond(transaction, notify, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no call for this transfer report");
                }
            }
            case "message-summary" -> messageWaiting.onNotify(event, transaction);
            case "check-sync" -> onCheckSync(event, transaction, header);
            default -> respond(transaction, notify, Response.BAD_EVENT, "event '" + type + "' is not supported");
        }
    }

    private void onCheckSync(RequestEvent event, ServerTransaction transaction, EventHeader header) {
        Request notify = event.getRequest();
        if (settings.peerFilter() && !fromOwnServer(notify, event)) {
            respond(transaction, notify, Response.FORBIDDEN, "check-sync from a server this phone does not use");
            return;
        }
        respond(transaction, notify, Response.OK, "");
        String reboot = header.getParameter("reboot");
        Account account = accountFor(notify);
        String from = notify.getHeader(javax.sip.header.FromHeader.NAME).toString().trim();
        CheckSync request = new CheckSync(Optional.ofNullable(account), "true".equalsIgnoreCase(reboot), from);
        Logger.info("check-sync requested{} by {}", request.reboot() ? " with reboot" : "", from);
        events.checkSync(request);
    }

    private void onResponse(ResponseEvent event) {
        if (event.getClientTransaction() != null && clientRequests.owns(event.getClientTransaction())) {
            clientRequests.onResponse(event);
            return;
        }
        Response response = event.getResponse();
        CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME);
        boolean inviteSuccess = cseq != null && cseq.getMethod().equals(Request.INVITE) && response.getStatusCode() / 100 == 2;
        if (inviteSuccess && callId != null && event.getDialog() instanceof gov.nist.javax.sip.stack.SIPDialog dialog) {
            // A 2xx sent again after our ACK: its ACK was lost, so ACK again at dialog level (RFC 3261 §13.2.2.4).
            Optional<Call> call = calls.byCallId(callId.getCallId());
            if (call.isPresent() && call.get().ackSent) {
                Logger.debug("{}: the 2xx came again; sending the ACK again", call.get());
                outbox.send("ACK again for " + call.get(), dialog::resendAck, reason -> Logger.info("{}", reason));
                return;
            }
        }
        Logger.debug("a late or stray {} {} (call {})", response.getStatusCode(), response.getReasonPhrase(),
                callId == null ? "?" : callId.getCallId());
    }

    private void onTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            clientRequests.onTimeout(event.getClientTransaction());
        }
    }

    private void onTransportError(IOExceptionEvent event) {
        String reason = "cannot reach " + event.getHost() + ":" + event.getPort() + " over " + event.getTransport();
        Logger.info("{}", reason);
        clientRequests.onTransportError(event.getHost(), event.getPort(), reason);
        for (Account account : accounts) {
            account.registrationMachine().connectionLost(event.getHost(), event.getPort());
        }
    }

    void messageSummary(Account account, MessageSummary summary) {
        account.messageWaiting(summary);
        events.messageWaiting(account, summary);
    }

    /**
     * jain-sip's listener: runs on the stack's event thread, does no SIP work, and posts each event to the
     * phone loop. The one thing done here is creating the server transaction, so that retransmissions of a
     * request are absorbed by the stack while the loop is busy.
     */
    private final class StackListener implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            ServerTransaction transaction = event.getServerTransaction();
            Request request = event.getRequest();
            if (transaction == null && !request.getMethod().equals(Request.ACK)) {
                try {
                    transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
                } catch (javax.sip.TransactionAlreadyExistsException retransmission) {
                    return;
                } catch (Exception e) {
                    Logger.debug("no server transaction for {}: {}", request.getMethod(), e.toString());
                }
            }
            ServerTransaction created = transaction;
            loop.post(() -> onRequest(event, created));
        }

        @Override
        public void processResponse(ResponseEvent event) {
            loop.post(() -> onResponse(event));
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            loop.post(() -> onTimeout(event));
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            loop.post(() -> onTransportError(event));
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
            // Requests leave our table at their final answer; nothing to do.
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            loop.post(() -> calls.onDialogTerminated(event.getDialog()));
        }
    }

    /** Delivers each event to every listener; one failing listener does not starve the others. */
    private final class Fanout implements SipEvents {
        private void each(Consumer<SipEvents> call) {
            for (SipEvents listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    Logger.error(e, "a SIP event listener failed");
                }
            }
        }

        @Override
        public void registrationChanged(Account account, RegistrationStatus status) {
            each(l -> l.registrationChanged(account, status));
        }

        @Override
        public void messageWaiting(Account account, MessageSummary summary) {
            each(l -> l.messageWaiting(account, summary));
        }

        @Override
        public void incomingCall(Call call) {
            each(l -> l.incomingCall(call));
        }

        @Override
        public void callChanged(Call call) {
            each(l -> l.callChanged(call));
        }

        @Override
        public void dtmfReceived(Call call, char digit) {
            each(l -> l.dtmfReceived(call, digit));
        }

        @Override
        public void callReplaced(Call original, Call replacement) {
            each(l -> l.callReplaced(original, replacement));
        }

        @Override
        public void checkSync(CheckSync request) {
            each(l -> l.checkSync(request));
        }
    }
}
