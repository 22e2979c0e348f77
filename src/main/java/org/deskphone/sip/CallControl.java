package org.deskphone.sip;

import gov.nist.javax.sip.header.extensions.ReplacesHeader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.deskphone.sip.sdp.LocalMedia;
import org.deskphone.sip.sdp.Negotiation;
import org.deskphone.sip.sdp.SdpException;
import org.deskphone.sip.sdp.SessionDescription;
import org.tinylog.Logger;

/**
 * The calls of the phone and everything SIP does to them: INVITE out and in with 100/180/183/200/ACK,
 * CANCEL, BYE, hold and resume by re-INVITE (and UPDATE from peers), PRACK for reliable provisional
 * responses, DTMF by INFO, blind and attended transfer with REFER, Replaces and NOTIFY sipfrag in each
 * role. Runs on the phone loop; every send goes through the outbox.
 */
final class CallControl {
    /** Bodies larger than this are refused with 413: an SDP never needs more. */
    static final int MAX_BODY = 16 * 1024;
    private static final Duration DTMF_LENGTH = Duration.ofMillis(100);
    private static final Duration DTMF_GAP = Duration.ofMillis(200);
    private static final Duration RINGING_LIMIT = Duration.ofMinutes(3);

    private final UserAgent ua;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** The SDP answer prepared when an offer came, until the user answers. */
    private final Map<Call, SessionDescription> pendingAnswer = new java.util.HashMap<>();
    private final Transfers transfers;
    private final CallDtmf dtmf;
    private int nextId = 1;

    CallControl(UserAgent ua) {
        this.ua = ua;
        this.transfers = new Transfers(ua, this);
        this.dtmf = new CallDtmf(ua, this);
    }

    Transfers transfers() {
        return transfers;
    }

    CallDtmf dtmf() {
        return dtmf;
    }

    SipSettings settings() {
        return ua.settings();
    }

    Collection<Call> calls() {
        return List.copyOf(calls.values());
    }

    int activeCount() {
        return (int) calls.values().stream().filter(Call::active).count();
    }

    // ---------------------------------------------------------------- dialling

    Call dial(Account account, String target) {
        return dial(account, target, null, null);
    }

    /** Dials with extra headers on the INVITE, such as an intercom call's {@code Call-Info: ...;answer-after=0}. */
    Call dial(Account account, String target, Map<String, String> headers) {
        Call call = dial(account, target, null, null);
        call.extraHeaders = Map.copyOf(headers);
        return call;
    }

    /** Dials; {@code replaces} and {@code referredBy} come from a REFER this phone is carrying out. */
    Call dial(Account account, String target, ReplacesHeader replaces, String referredBy) {
        if (activeCount() >= settings().maxCalls()) {
            throw new IllegalStateException("already " + activeCount() + " calls, the most this phone takes (SIPMaxCall)");
        }
        SipURI uri = targetUri(account, target);
        if (!settings().ipCallsAllowed() && isIpCall(account, uri)) {
            throw new IllegalArgumentException("calls to IP addresses are disabled (SIPIpCallEnable): " + uri.getHost());
        }
        Call call = new Call(this, nextId++, account, Call.Direction.OUTGOING, ua.newCallId(), Party.of("", uri.toString()),
                ua.loop().clock().now());
        calls.put(call.callId, call);
        call.localTag = ua.newTag();
        call.remoteTarget = uri.toString();
        Logger.info("{}: dialling {} from {}", call, uri, account == null ? "no account" : account);
        ua.route(account, uri, route -> {
            if (!call.active()) {
                return;
            }
            if (call.cancelWanted) {
                end(call, 0, "hung up", true); // before anything was sent
                return;
            }
            if (route.isEmpty()) {
                end(call, 0, "cannot reach " + uri.getHost(), true);
                return;
            }
            sendInvite(call, uri, route.get(), replaces, referredBy);
        });
        return call;
    }

    /** A call to an IP address that is not the account's server: what SIPIpCallEnable (seed L6779) governs. */
    private static boolean isIpCall(Account account, SipURI uri) {
        String host = uri.getHost().replace("[", "").replace("]", "");
        if (!ServerLocator.isLiteral(host)) {
            return false;
        }
        return account == null || account.settings().servers().stream().noneMatch(s -> s.address().host().equalsIgnoreCase(host));
    }

    SipURI targetUri(Account account, String target) {
        String text = target.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("nothing to dial");
        }
        try {
            if (text.regionMatches(true, 0, "sip:", 0, 4) || text.regionMatches(true, 0, "sips:", 0, 5)) {
                URI uri = ua.host().addresses().createURI(text);
                if (!(uri instanceof SipURI sip)) {
                    throw new IllegalArgumentException("'" + target + "' is not a SIP URI");
                }
                return sip;
            }
            if (text.contains("@")) {
                return (SipURI) ua.host().addresses().createURI("sip:" + text);
            }
            if (account == null || account.settings().domain().isEmpty()) {
                throw new IllegalArgumentException("'" + target + "' is a number, and no account with a server is there to call it through");
            }
            HostPort domain = account.settings().domain().get();
            SipURI uri = ua.host().addresses().createSipURI(text, domain.uriHost());
            if (domain.port() != 0 && domain.port() != 5060) {
                uri.setPort(domain.port());
            }
            if (account.settings().userEqualsPhone() && text.matches("\\+?[0-9*#]+")) {
                uri.setUserParam("phone");
            }
            return uri;
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("'" + target + "' is not a SIP address: " + e.getMessage(), e);
        }
    }

    private void sendInvite(Call call, SipURI uri, UserAgent.Route route, ReplacesHeader replaces, String referredBy) {
        try {
            call.endpoint = route.endpoint();
            openMedia(call);
            call.local = localMedia(call, MediaDirection.SENDRECV);
            SessionDescription offer = call.sdp.offer(call.local);
            Address from = fromAddress(call);
            Address to = ua.host().addresses().createAddress(uri);
            Request invite = ua.requests().create(Request.INVITE, uri, from, call.localTag, to, call.callId, 1, route.endpoint(),
                    call.account != null && call.account.settings().rport(), route.route());
            invite.addHeader(ua.host().headers().createContactHeader(contact(call)));
            if (call.account != null && call.account.settings().anonymousCalls()) {
                invite.addHeader(ua.host().headers().createHeader("Privacy", "id"));
                invite.addHeader(ua.host().headers().createHeader("P-Preferred-Identity", "<" + call.account.addressOfRecord() + ">"));
            }
            if (replaces != null) {
                invite.addHeader(replaces);
            }
            for (Map.Entry<String, String> extra : call.extraHeaders.entrySet()) {
                invite.addHeader(ua.host().headers().createHeader(extra.getKey(), extra.getValue()));
            }
            if (referredBy != null) {
                invite.addHeader(ua.host().headers().createHeader("Referred-By", referredBy));
            }
            invite.setContent(offer.format(), sdpType());
            call.invite = invite;
            call.inviteTransaction = ua.clientRequests().send(invite, route.provider(), null,
                    Optional.ofNullable(call.account).map(Account::credentials), RINGING_LIMIT, new InviteHandler(call));
            call.dialog = call.inviteTransaction.getDialog();
        } catch (Exception e) {
            Logger.warn(e, "{}: cannot send INVITE", call);
            end(call, 0, "cannot call: " + e.getMessage(), true);
        }
    }

    private Address fromAddress(Call call) throws ParseException {
        if (call.account != null && call.account.settings().anonymousCalls()) {
            // seed L6624-6625: From: Anonymous <sip:anonymous@anonymous.invalid>
            Address anonymous = ua.host().addresses().createAddress(ua.host().addresses().createSipURI("anonymous", "anonymous.invalid"));
            anonymous.setDisplayName("Anonymous");
            return anonymous;
        }
        if (call.account != null) {
            return call.account.addressOfRecord(call.account.registrationMachine().currentServer());
        }
        return ua.host().addresses().createAddress(ua.host().addresses().createSipURI("deskphone", Requests.hostText(call.endpoint)));
    }

    Address contact(Call call) {
        String user = call.account != null ? call.account.settings().userName() : "deskphone";
        return ua.requests().contactAddress(user, call.endpoint);
    }

    /** The answers to an INVITE this phone sent. */
    private final class InviteHandler implements ClientRequests.Handler {
        private final Call call;

        InviteHandler(Call call) {
            this.call = call;
        }

        @Override
        public void provisional(ResponseEvent event) {
            Response response = event.getResponse();
            int code = response.getStatusCode();
            if (code == Response.TRYING) {
                return;
            }
            call.provisionalSeen = true;
            if (event.getDialog() != null) {
                call.dialog = event.getDialog();
            }
            if (call.cancelWanted) {
                sendCancel(call);
                return;
            }
            if (isReliable(response)) {
                sendPrack(call, response);
            }
            byte[] body = response.getRawContent();
            if (body != null && body.length > 0 && isSdp(response)) {
                // Early media (183 with SDP): the answer is final for this offer (RFC 3261 §13.2.1).
                acceptAnswer(call, body);
            }
            if (call.state == Call.State.DIALING && code >= 180) {
                change(call, Call.State.RINGBACK);
            }
        }

        @Override
        public void resent(ClientTransaction transaction, Request request) {
            call.inviteTransaction = transaction;
            call.invite = request;
            call.dialog = transaction.getDialog();
        }

        @Override
        public void answered(ResponseEvent event, Response response) {
            int code = response.getStatusCode();
            if (code >= 200 && code < 300) {
                connected(call, event, response);
                return;
            }
            if (call.referrer != null) {
                transfers.notifyReferrer(call, code, response.getReasonPhrase(), true);
            }
            String why = switch (code) {
                case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> "busy";
                case Response.DECLINE -> "declined";
                case Response.NOT_FOUND -> "not found";
                case Response.TEMPORARILY_UNAVAILABLE -> "not available";
                case Response.REQUEST_TERMINATED -> "cancelled";
                case Response.NOT_ACCEPTABLE_HERE -> "no common codec or encryption";
                case Response.UNAUTHORIZED, Response.PROXY_AUTHENTICATION_REQUIRED -> "authentication failed (wrong password?)";
                default -> response.getReasonPhrase();
            };
            end(call, code, why + " (" + code + " " + response.getReasonPhrase() + ")", code == Response.REQUEST_TERMINATED);
        }

        @Override
        public void failed(String reason) {
            if (call.provisionalSeen && call.active()) {
                sendCancel(call);
            }
            if (call.referrer != null) {
                transfers.notifyReferrer(call, Response.REQUEST_TIMEOUT, "Request Timeout", true);
            }
            end(call, Response.REQUEST_TIMEOUT, reason, false);
        }
    }

    private void connected(Call call, ResponseEvent event, Response response) {
        Dialog dialog = event.getDialog() != null ? event.getDialog() : call.dialog;
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (!call.active() || call.cancelWanted) {
            // Answered while we were hanging up: confirm, then end it properly.
            ack(call, dialog, cseq, null);
            bye(call, dialog);
            end(call, 0, "hung up", true);
            return;
        }
        call.dialog = dialog;
        ack(call, dialog, cseq, null);
        byte[] body = response.getRawContent();
        if (body != null && body.length > 0) {
            if (!acceptAnswer(call, body)) {
                bye(call, dialog);
                end(call, Response.NOT_ACCEPTABLE_HERE, "no common codec or encryption in the answer", true);
                return;
            }
        } else if (call.audio == null) {
            bye(call, dialog);
            end(call, 0, "the answer carried no SDP", true);
            return;
        }
        call.answered = ua.loop().clock().now();
        if (call.referrer != null) {
            transfers.notifyReferrer(call, 200, "OK", true);
        }
        change(call, Call.State.CONNECTED);
    }

    private void ack(Call call, Dialog dialog, long cseq, byte[] body) {
        ua.outbox().send("ACK for " + call, () -> {
            Request ack = dialog.createAck(cseq);
            if (body != null) {
                ack.setContent(body, sdpType());
            }
            dialog.sendAck(ack);
        }, reason -> Logger.warn("{}: {}", call, reason));
        call.ackSent = true;
    }

    private static boolean isReliable(Response response) {
        ListIterator<?> requires = response.getHeaders(RequireHeader.NAME);
        while (requires.hasNext()) {
            if (((RequireHeader) requires.next()).getOptionTag().equalsIgnoreCase("100rel")) {
                return response.getHeader("RSeq") != null;
            }
        }
        return false;
    }

    private void sendPrack(Call call, Response response) {
        Dialog dialog = call.dialog;
        try {
            Request prack = dialog.createPrack(response);
            SipProvider provider = provider(call);
            ClientTransaction transaction = provider.getNewClientTransaction(prack);
            ua.outbox().send("PRACK for " + call, () -> dialog.sendRequest(transaction), reason -> Logger.info("{}: {}", call, reason));
        } catch (Exception e) {
            Logger.info("{}: cannot acknowledge the reliable provisional response: {}", call, e.toString());
        }
    }

    private void sendCancel(Call call) {
        ClientTransaction invite = call.inviteTransaction;
        if (invite == null) {
            return;
        }
        try {
            Request cancel = invite.createCancel();
            ClientTransaction transaction = provider(call).getNewClientTransaction(cancel);
            ua.outbox().send("CANCEL for " + call, transaction::sendRequest, reason -> Logger.info("{}: {}", call, reason));
        } catch (Exception e) {
            Logger.info("{}: cannot cancel: {}", call, e.toString());
        }
    }

    // ---------------------------------------------------------------- incoming INVITE

    void onInvite(RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        Call existing = calls.get(callId(request));
        if (existing != null && request.getHeader(ToHeader.NAME) != null && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            onReinvite(existing, request, transaction);
            return;
        }
        if (existing != null) {
            return; // a retransmission the stack did not absorb
        }
        if (request.getRawContent() != null && request.getRawContent().length > MAX_BODY) {
            ua.respond(transaction, request, Response.REQUEST_ENTITY_TOO_LARGE, "body over " + MAX_BODY + " bytes");
            return;
        }
        Optional<String> unsupported = unsupportedRequirement(request);
        if (unsupported.isPresent()) {
            ua.respond(transaction, request, Response.BAD_EXTENSION, r -> r.addHeader(ua.host().headers().createUnsupportedHeader(unsupported.get())));
            return;
        }
        Account account = ua.accountFor(request);
        if (settings().peerFilter() && !ua.fromOwnServer(request, event)) {
            ua.respond(transaction, request, Response.FORBIDDEN, "not from this phone's servers (SIPPeerFilterEnable)");
            return;
        }
        ReplacesHeader replaces = (ReplacesHeader) request.getHeader(ReplacesHeader.NAME);
        Call replaced = null;
        if (replaces != null) {
            replaced = transfers.findReplaced(replaces);
            if (replaced == null) {
                ua.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no call to replace");
                return;
            }
        } else if (activeCount() >= settings().maxCalls() || activeCount() > 0 && !settings().callWaiting()) {
            Logger.info("refusing a call from {}: busy ({} calls)", request.getHeader(FromHeader.NAME), activeCount());
            ua.respond(transaction, request, Response.BUSY_HERE, "");
            return;
        }
        Party caller = CallerIdentity.of(request, account == null ? List.of(IdentitySource.PAI, IdentitySource.RPID, IdentitySource.FROM)
                : account.settings().callerIdOrder());
        if (account != null && account.settings().rejectAnonymous() && caller.anonymous()) {
            ua.respond(transaction, request, 433, "Anonymity Disallowed");
            return;
        }
        Call call = new Call(this, nextId++, account, Call.Direction.INCOMING, callId(request), caller, ua.loop().clock().now());
        call.localTag = ua.newTag();
        call.invite = request;
        call.serverTransaction = transaction;
        call.dialog = transaction.getDialog();
        call.endpoint = ua.endpointOf(event);
        ContactHeader theirContact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        call.remoteTarget = theirContact != null ? theirContact.getAddress().getURI().toString() : caller.uri();
        try {
            openMedia(call);
            call.local = localMedia(call, MediaDirection.SENDRECV);
        } catch (IOException e) {
            Logger.warn("cannot open media for an incoming call: {}", e.getMessage());
            ua.respond(transaction, request, Response.SERVICE_UNAVAILABLE, "no media port");
            return;
        }
        byte[] body = request.getRawContent();
        SessionDescription answer = null;
        if (body != null && body.length > 0) {
            Negotiation result = negotiate(call, body);
            if (result instanceof Negotiation.Refused refused) {
                Logger.info("refusing a call from {}: {}", caller.label(), refused.reason());
                call.media.close();
                ua.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE, r -> r.addHeader(warning(refused.reason())));
                return;
            }
            Negotiation.Agreed agreed = (Negotiation.Agreed) result;
            answer = agreed.answer();
            call.audio = agreed.audio();
        } else {
            call.offerInOurAnswer = true; // late offer: our 200 offers, the ACK answers
        }
        calls.put(call.callId, call);
        pendingAnswer.put(call, answer);
        ua.respond(transaction, request, Response.TRYING, null, null);
        if (replaced != null) {
            Logger.info("{} replaces {}", call, replaced);
            ua.events().callReplaced(replaced, call);
            answer(call);
            hangUp(replaced);
            return;
        }
        // The listeners hear of the call before it rings, so that a phone in DND refuses it, or forwards it,
        // without the caller hearing it ring first.
        ua.events().incomingCall(call);
        if (call.state != Call.State.INCOMING) {
            return;
        }
        if (account != null && account.settings().autoAnswer() && activeCount() == 1) {
            answer(call);
            return;
        }
        ua.respond(transaction, request, Response.RINGING, call.localTag, null);
        Logger.info("{}: ringing", call);
        ua.loop().schedule(RINGING_LIMIT, () -> {
            if (call.state == Call.State.INCOMING) {
                pendingAnswer.remove(call);
                ua.respond(call.serverTransaction, call.invite, Response.TEMPORARILY_UNAVAILABLE, call.localTag, null);
                end(call, Response.TEMPORARILY_UNAVAILABLE, "missed: not answered", false);
            }
        });
    }

    void answer(Call call) {
        if (call.state != Call.State.INCOMING) {
            Logger.info("{}: nothing to answer", call);
            return;
        }
        SessionDescription body = pendingAnswer.remove(call);
        if (call.offerInOurAnswer) {
            body = call.sdp.offer(call.local);
        }
        SessionDescription sdp = body;
        ua.respond(call.serverTransaction, call.invite, Response.OK, call.localTag, response -> {
            response.addHeader(ua.host().headers().createContactHeader(contact(call)));
            response.setContent(sdp.format(), sdpType());
        });
        call.answered = ua.loop().clock().now();
        if (call.audio != null) {
            startMedia(call);
        }
        change(call, Call.State.CONNECTED);
    }

    void reject(Call call, int code) {
        if (call.state != Call.State.INCOMING) {
            Logger.info("{}: nothing to reject", call);
            return;
        }
        int status = List.of(404, 480, 486, 600, 603).contains(code) ? code : Response.BUSY_HERE;
        pendingAnswer.remove(call);
        ua.respond(call.serverTransaction, call.invite, status, call.localTag, null);
        end(call, status, "refused", true);
    }

    /**
     * Sends a ringing call elsewhere: 302 Moved Temporarily with the target as Contact (RFC 3261 §21.3.3), so
     * that the caller's side calls it.
     */
    void forward(Call call, String target) {
        if (call.state != Call.State.INCOMING) {
            Logger.info("{}: nothing to forward", call);
            return;
        }
        SipURI uri;
        try {
            uri = targetUri(call.account, target);
        } catch (IllegalArgumentException e) {
            Logger.info("{}: cannot forward to '{}': {}", call, target, e.getMessage());
            reject(call, settings().refuseCode());
            return;
        }
        pendingAnswer.remove(call);
        ua.respond(call.serverTransaction, call.invite, Response.MOVED_TEMPORARILY, call.localTag,
                response -> response.addHeader(ua.host().headers().createContactHeader(ua.host().addresses().createAddress(uri))));
        end(call, Response.MOVED_TEMPORARILY, "forwarded to " + target, true);
    }

    void onAck(RequestEvent event) {
        Call call = calls.get(callId(event.getRequest()));
        if (call == null) {
            return;
        }
        byte[] body = event.getRequest().getRawContent();
        if (call.offerInOurAnswer) {
            call.offerInOurAnswer = false;
            if (body == null || body.length == 0 || !acceptAnswer(call, body)) {
                Logger.info("{}: the ACK brought no usable answer to our offer; ending", call);
                bye(call, call.dialog);
                end(call, Response.NOT_ACCEPTABLE_HERE, "no usable SDP answer in the ACK", true);
            }
        }
    }

    void onCancel(RequestEvent event, ServerTransaction transaction) {
        Request cancel = event.getRequest();
        ua.respond(transaction, cancel, Response.OK, "");
        Call call = calls.get(callId(cancel));
        if (call != null && call.state == Call.State.INCOMING) {
            pendingAnswer.remove(call);
            ua.respond(call.serverTransaction, call.invite, Response.REQUEST_TERMINATED, call.localTag, null);
            end(call, Response.REQUEST_TERMINATED, "missed: the caller hung up", false);
        }
    }

    void onBye(RequestEvent event, ServerTransaction transaction) {
        Call call = calls.get(callId(event.getRequest()));
        ua.respond(transaction, event.getRequest(), call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK, "");
        if (call != null) {
            end(call, 0, call.transferring ? "transferred" : "the other side hung up", false);
        }
    }

    // ---------------------------------------------------------------- re-INVITE, UPDATE, hold

    private void onReinvite(Call call, Request request, ServerTransaction transaction) {
        if (call.reinviteInFlight) {
            // Glare (RFC 3261 §14.2): both sides re-INVITE at once; the other side retries.
            ua.respond(transaction, request, Response.REQUEST_PENDING, "");
            return;
        }
        answerOffer(call, request, transaction, true);
    }

    void onUpdate(RequestEvent event, ServerTransaction transaction) {
        Call call = calls.get(callId(event.getRequest()));
        if (call == null) {
            ua.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "");
            return;
        }
        if (!hasBody(event.getRequest())) {
            ua.respond(transaction, event.getRequest(), Response.OK, r -> r.addHeader(ua.host().headers().createContactHeader(contact(call))));
            return;
        }
        answerOffer(call, event.getRequest(), transaction, false);
    }

    /** A new offer from the peer in a re-INVITE or UPDATE: answer it, or 488 and keep the call as it was. */
    private void answerOffer(Call call, Request request, ServerTransaction transaction, boolean invite) {
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            if (!invite) {
                ua.respond(transaction, request, Response.OK, "");
                return;
            }
            // re-INVITE without SDP: offer in the 200, answer in the ACK (RFC 3261 §14.2).
            call.offerInOurAnswer = true;
            SessionDescription offer = call.sdp.offer(call.local);
            ua.respond(transaction, request, Response.OK, null, r -> {
                r.addHeader(ua.host().headers().createContactHeader(contact(call)));
                r.setContent(offer.format(), sdpType());
            });
            return;
        }
        Negotiation result = negotiate(call, body);
        if (result instanceof Negotiation.Refused refused) {
            Logger.info("{}: refusing the new offer: {}", call, refused.reason());
            ua.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE, r -> r.addHeader(warning(refused.reason())));
            return;
        }
        Negotiation.Agreed agreed = (Negotiation.Agreed) result;
        ua.respond(transaction, request, Response.OK, null, r -> {
            r.addHeader(ua.host().headers().createContactHeader(contact(call)));
            r.setContent(agreed.answer().format(), sdpType());
        });
        boolean wasHeld = call.remoteHold;
        call.audio = agreed.audio();
        call.remoteHold = !remoteWantsToReceive(body);
        startMedia(call);
        if (wasHeld != call.remoteHold) {
            Logger.info("{}: {}", call, call.remoteHold ? "held by the other side" : "resumed by the other side");
        }
        ua.events().callChanged(call);
    }

    void hold(Call call, boolean hold) {
        if (call.state != Call.State.CONNECTED || call.localHold == hold) {
            Logger.info("{}: cannot {} now", call, hold ? "hold" : "resume");
            return;
        }
        if (call.reinviteInFlight) {
            ua.loop().schedule(Duration.ofMillis(500), () -> hold(call, hold));
            return;
        }
        call.localHold = hold;
        MediaDirection direction = !hold ? MediaDirection.SENDRECV
                : settings().holdStyle() == HoldStyle.INACTIVE ? MediaDirection.INACTIVE : MediaDirection.SENDONLY;
        call.local = call.local.withDirection(direction);
        reinvite(call, () -> {
            call.localHold = !hold;
            call.local = call.local.withDirection(hold ? MediaDirection.SENDRECV
                    : settings().holdStyle() == HoldStyle.INACTIVE ? MediaDirection.INACTIVE : MediaDirection.SENDONLY);
            ua.events().callChanged(call);
        });
        ua.events().callChanged(call);
    }

    void mute(Call call, boolean on) {
        if (!call.active() || call.muted == on) {
            return;
        }
        if (call.media == null || !call.media.setMuted(on)) {
            Logger.warn("{}: the media cannot {}", call, on ? "mute" : "unmute");
            return;
        }
        call.muted = on;
        Logger.info("{}: {}", call, on ? "muted" : "unmuted");
        ua.events().callChanged(call);
    }

    /** Mixes these calls' audio with each other and the phone's (a local conference); others leave the mix. */
    boolean conference(Collection<Call> members) {
        List<MediaChannel> channels = new ArrayList<>();
        for (Call member : members) {
            if (member.media != null && member.active()) {
                channels.add(member.media);
            }
        }
        return ua.media().conference(channels);
    }

    /** Sends a re-INVITE with a fresh offer from {@code call.local}; {@code undo} runs when the peer refuses it. */
    private void reinvite(Call call, Runnable undo) {
        try {
            Dialog dialog = call.dialog;
            Request request = dialog.createRequest(Request.INVITE);
            request.addHeader(ua.host().headers().createContactHeader(contact(call)));
            ua.requests().decorate(request);
            request.setContent(call.sdp.offer(call.local).format(), sdpType());
            call.reinviteInFlight = true;
            ua.clientRequests().send(request, provider(call), dialog, Optional.empty(), Duration.ofSeconds(32), new ClientRequests.Handler() {
                @Override
                public void answered(ResponseEvent event, Response response) {
                    call.reinviteInFlight = false;
                    int code = response.getStatusCode();
                    long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                    if (code >= 200 && code < 300) {
                        ack(call, dialog, cseq, null);
                        byte[] body = response.getRawContent();
                        if (body != null && body.length > 0) {
                            acceptAnswer(call, body);
                        }
                        Logger.info("{}: {}", call, call.localHold ? "on hold" : "resumed");
                        ua.events().callChanged(call);
                    } else if (code == Response.REQUEST_PENDING) {
                        // RFC 3261 §14.1: try again after 2.1-4 s (the owner of the Call-ID) or 0-2 s.
                        long wait = 2100 + ThreadLocalRandom.current().nextLong(1900);
                        ua.loop().schedule(Duration.ofMillis(wait), () -> {
                            if (call.active()) {
                                reinvite(call, undo);
                            }
                        });
                    } else {
                        Logger.info("{}: the other side refused the re-INVITE: {} {}", call, code, response.getReasonPhrase());
                        undo.run();
                        if (code == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || code == Response.REQUEST_TIMEOUT) {
                            end(call, code, "the call is gone at the other side", false);
                        }
                    }
                }

                @Override
                public void failed(String reason) {
                    call.reinviteInFlight = false;
                    Logger.info("{}: re-INVITE failed: {}", call, reason);
                    undo.run();
                }
            });
        } catch (Exception e) {
            call.reinviteInFlight = false;
            Logger.warn(e, "{}: cannot send re-INVITE", call);
            undo.run();
        }
    }

    // ---------------------------------------------------------------- hanging up

    void hangUp(Call call) {
        switch (call.state) {
            case DIALING, RINGBACK -> {
                if (call.provisionalSeen) {
                    sendCancel(call);
                } else {
                    call.cancelWanted = true; // CANCEL waits for a provisional response (RFC 3261 §9.1)
                    ua.loop().schedule(Duration.ofSeconds(4), () -> {
                        if (call.active() && call.cancelWanted && !call.provisionalSeen) {
                            try {
                                if (call.inviteTransaction != null) {
                                    call.inviteTransaction.terminate();
                                }
                            } catch (javax.sip.ObjectInUseException e) {
                                Logger.debug("{}: {}", call, e.toString());
                            }
                            end(call, 0, "hung up", true);
                        }
                    });
                    return;
                }
                end(call, Response.REQUEST_TERMINATED, "hung up", true);
            }
            case INCOMING -> reject(call, settings().refuseCode());
            case CONNECTED -> {
                bye(call, call.dialog);
                end(call, 0, "hung up", true);
            }
            case ENDED -> Logger.debug("{}: already ended", call);
        }
    }

    void bye(Call call, Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ua.requests().decorate(bye);
            ua.clientRequests().send(bye, provider(call), dialog, Optional.empty(), Duration.ofSeconds(8),
                    ClientRequests.Handler.logging(call, "BYE"));
        } catch (Exception e) {
            Logger.info("{}: cannot send BYE: {}", call, e.toString());
        }
    }

    void end(Call call, int code, String reason, boolean byUs) {
        if (!call.active()) {
            return;
        }
        call.ending = new Call.Ending(code, reason, byUs);
        call.state = Call.State.ENDED;
        pendingAnswer.remove(call);
        calls.remove(call.callId);
        release(call.dialog);
        if (call.media != null) {
            MediaStatistics statistics = call.media.statistics();
            call.media.close();
            Logger.info("{} ended: {} ({})", call, reason, statistics.describe());
        } else {
            Logger.info("{} ended: {}", call, reason);
        }
        ua.events().callChanged(call);
    }

    /**
     * Frees a dialog that never got confirmed (a call refused, cancelled or unanswered): jain-sip otherwise
     * keeps early dialogs in its table long after their transaction ended. Confirmed dialogs end with their BYE.
     */
    private static void release(Dialog dialog) {
        if (dialog != null && (dialog.getState() == null || dialog.getState() == DialogState.EARLY)) {
            dialog.delete();
        }
    }

    /** The stack ended a dialog (no ACK came, a timer fired): the call is over if it was not already. */
    void onDialogTerminated(Dialog dialog) {
        if (dialog == null || dialog.getCallId() == null) {
            return;
        }
        Call call = calls.get(dialog.getCallId().getCallId());
        if (call != null && call.dialog == dialog && call.state == Call.State.CONNECTED) {
            end(call, 0, "the call's dialog ended (no ACK or no answer to a request)", false);
        }
    }

    /** Ends every call at shutdown: BYE or CANCEL, without waiting for answers. */
    void hangUpAll() {
        for (Call call : List.copyOf(calls.values())) {
            hangUp(call);
            end(call, 0, "the phone is shutting down", true);
        }
    }

    // ---------------------------------------------------------------- media

    private void openMedia(Call call) throws IOException {
        if (call.media == null) {
            Call target = call;
            CodecPreferences codecs = call.account != null ? call.account.settings().codecs() : CodecPreferences.DEFAULT;
            call.media = ua.media().open(call.endpoint.address(), codecs, new MediaEvents() {
                @Override
                public void dtmf(char digit) {
                    dtmf.fromMedia(target, digit);
                }

                @Override
                public void failed(String reason) {
                    Logger.warn("{}: media failed: {}", target, reason);
                }
            });
        }
    }

    private LocalMedia localMedia(Call call, MediaDirection direction) {
        AccountSettings account = call.account != null ? call.account.settings() : null;
        List<CodecFormat> codecs = call.media.codecs();
        if (codecs.isEmpty()) {
            List<Integer> order = account != null ? account.codecOrder() : CodecPreferences.DEFAULT.order();
            throw new IllegalStateException("none of the configured codecs " + order + " is carried by the media engine");
        }
        DtmfMode mode = account != null ? account.dtmfMode() : DtmfMode.RFC4733_ELSE_SIP_INFO;
        OptionalInt event = mode.offersTelephoneEvent() && ua.media().telephoneEvents()
                ? OptionalInt.of(account != null ? account.dtmfPayloadType() : 101) : OptionalInt.empty();
        SrtpMode srtp = account != null ? account.srtpMode() : SrtpMode.NONE;
        List<SrtpSuite> suites = new ArrayList<>(settings().srtpSuites());
        suites.retainAll(ua.media().srtpSuites());
        InetAddress address = call.endpoint.address();
        return new LocalMedia(address, call.media.localPort(), codecs, account != null ? account.ptime() : 20, event, srtp, suites,
                direction, settings().holdStyle());
    }

    private Negotiation negotiate(Call call, byte[] body) {
        try {
            return call.sdp.answer(SessionDescription.parse(new String(body, StandardCharsets.UTF_8)), call.local);
        } catch (SdpException e) {
            return new Negotiation.Refused("the SDP is not readable: " + e.getMessage());
        }
    }

    private boolean acceptAnswer(Call call, byte[] body) {
        try {
            Negotiation result = call.sdp.accept(SessionDescription.parse(new String(body, StandardCharsets.UTF_8)));
            if (result instanceof Negotiation.Agreed agreed) {
                call.audio = agreed.audio();
                startMedia(call);
                return true;
            }
            Logger.info("{}: the answer is not usable: {}", call, ((Negotiation.Refused) result).reason());
            return false;
        } catch (SdpException e) {
            Logger.info("{}: the answer's SDP is not readable: {}", call, e.getMessage());
            return false;
        }
    }

    private void startMedia(Call call) {
        if (call.media == null || call.audio == null) {
            return;
        }
        MediaDtmf inMedia = dtmf.inMedia(call);
        if (call.mediaStarted) {
            call.media.update(call.audio, inMedia);
        } else {
            call.media.start(call.audio, inMedia);
            call.mediaStarted = true;
        }
        Logger.info("{}: audio {}, DTMF in media: {}", call, call.audio, inMedia);
    }

    private static boolean remoteWantsToReceive(byte[] body) {
        try {
            SessionDescription sdp = SessionDescription.parse(new String(body, StandardCharsets.UTF_8));
            for (var m : sdp.media()) {
                if (m.type().equals("audio") && m.port() != 0) {
                    boolean nullAddress = sdp.connectionOf(m).map(org.deskphone.sip.sdp.Connection::isHold).orElse(false);
                    return m.direction(sdp.direction()).receives() && !nullAddress;
                }
            }
        } catch (SdpException e) {
            return true;
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private void change(Call call, Call.State state) {
        if (call.state != state && call.active()) {
            call.state = state;
            Logger.info("{}", call);
            ua.events().callChanged(call);
        }
    }

    SipProvider provider(Call call) {
        return ua.host().provider(call.endpoint).orElseThrow(() -> new IllegalStateException("no SIP provider for " + call.endpoint));
    }

    private ContentTypeHeader sdpType() {
        try {
            return ua.host().headers().createContentTypeHeader("application", "sdp");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Header warning(String reason) throws ParseException {
        String text = reason.replace("\"", "'");
        return ua.host().headers().createHeader("Warning", "399 deskphone \"" + (text.length() > 200 ? text.substring(0, 200) : text) + "\"");
    }

    private static boolean isSdp(javax.sip.message.Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type != null && type.getContentType().equalsIgnoreCase("application") && type.getContentSubType().equalsIgnoreCase("sdp");
    }

    static boolean hasBody(Request request) {
        return request.getRawContent() != null && request.getRawContent().length > 0;
    }

    private static Optional<String> unsupportedRequirement(Request request) {
        ListIterator<?> requires = request.getHeaders(RequireHeader.NAME);
        while (requires.hasNext()) {
            String tag = ((RequireHeader) requires.next()).getOptionTag();
            if (!tag.equalsIgnoreCase("replaces")) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    static String callId(Request request) {
        javax.sip.header.CallIdHeader header = (javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    Optional<Call> byCallId(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

}
