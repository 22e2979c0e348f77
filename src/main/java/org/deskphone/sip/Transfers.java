package org.deskphone.sip;

import gov.nist.javax.sip.header.extensions.ReplacesHeader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ReferToHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.tinylog.Logger;

/**
 * Blind and attended transfer (RFC 3515 REFER, RFC 3891 Replaces, RFC 5589) in the three roles: the
 * transferor sends REFER and ends its call when the NOTIFY sipfrag says it worked (ALE
 * {@code SIPTranSuccessfulNotify}, seed L8315); the transferee accepts a REFER, calls the target and reports
 * by NOTIFY; the target lets an INVITE with Replaces take over one of its calls. Runs on the phone loop.
 */
final class Transfers {
    private final UserAgent ua;
    private final CallControl control;

    Transfers(UserAgent ua, CallControl control) {
        this.ua = ua;
        this.control = control;
    }

    void blind(Call call, String target) {
        if (call.state != Call.State.CONNECTED) {
            Logger.info("{}: cannot transfer, not connected", call);
            return;
        }
        try {
            SipURI uri = control.targetUri(call.account, target);
            refer(call, ua.host().addresses().createAddress(uri), null);
        } catch (Exception e) {
            call.transferError = e.getMessage();
            Logger.info("{}: cannot transfer to {}: {}", call, target, e.getMessage());
            ua.events().callChanged(call);
        }
    }

    void attended(Call call, Call consultation) {
        if (call.state != Call.State.CONNECTED || consultation.state != Call.State.CONNECTED || consultation.dialog == null) {
            Logger.info("{}: cannot transfer to {}: both calls must be connected", call, consultation);
            return;
        }
        try {
            // Replaces names the consultation dialog as the target sees it (RFC 3891 §3): its tag is to-tag.
            String toTag = consultation.dialog.getRemoteTag();
            String fromTag = consultation.dialog.getLocalTag();
            String replaces = consultation.callId + ";to-tag=" + toTag + ";from-tag=" + fromTag;
            SipURI uri = (SipURI) ua.host().addresses().createURI(consultation.remoteTarget);
            uri.setHeader("Replaces", percentEncode(replaces));
            refer(call, ua.host().addresses().createAddress(uri), consultation);
        } catch (Exception e) {
            call.transferError = e.getMessage();
            Logger.info("{}: cannot transfer to {}: {}", call, consultation, e.toString());
            ua.events().callChanged(call);
        }
    }

    private void refer(Call call, Address target, Call consultation) throws Exception {
        Request refer = call.dialog.createRequest(Request.REFER);
        ReferToHeader referTo = ua.host().headers().createReferToHeader(target);
        refer.addHeader(referTo);
        if (call.account != null) {
            refer.addHeader(ua.host().headers().createHeader("Referred-By", "<" + call.account.addressOfRecord() + ">"));
        }
        refer.addHeader(ua.host().headers().createContactHeader(control.contact(call)));
        ua.requests().decorate(refer);
        call.transferring = true;
        call.consultation = consultation;
        if (consultation != null) {
            consultation.transferring = true; // the target ends it when the transferee's INVITE replaces it
        }
        call.transferError = null;
        Logger.info("{}: transferring to {}", call, target);
        ua.clientRequests().send(refer, control.provider(call), call.dialog, Optional.empty(), Duration.ofSeconds(16), new ClientRequests.Handler() {
            @Override
            public void answered(ResponseEvent event, Response response) {
                int code = response.getStatusCode();
                if (code >= 300) {
                    transferFailed(call, code + " " + response.getReasonPhrase());
                } else if (control.settings().transferSuccess() == TransferSuccess.ACCEPTED_202) {
                    transferDone(call);
                }
            }

            @Override
            public void failed(String reason) {
                transferFailed(call, reason);
            }
        });
    }

    /** NOTIFY of the implicit subscription a REFER made (RFC 3515 §2.4.4): progress of our transfer. */
    void onReferNotify(Call call, Request notify, ServerTransaction transaction) {
        ua.respond(transaction, notify, Response.OK, "");
        OptionalInt status = Sipfrag.status(notify.getRawContent());
        SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        boolean terminated = state != null && state.getState().equalsIgnoreCase(SubscriptionStateHeader.TERMINATED);
        if (!call.transferring || status.isEmpty()) {
            return;
        }
        int code = status.getAsInt();
        Logger.info("{}: transfer progress {}{}", call, code, terminated ? " (subscription ended)" : "");
        if (code >= 300) {
            transferFailed(call, "the transfer target answered " + code);
            return;
        }
        boolean done = switch (control.settings().transferSuccess()) {
            case NOTIFY_200 -> code >= 200;
            case NOTIFY_100 -> true;
            case NOTIFY_180 -> code >= 180;
            case ACCEPTED_202 -> false; // already done at the 202
            case NOTIFY_TERMINATED -> terminated;
        };
        if (done) {
            transferDone(call);
        }
    }

    private void transferDone(Call call) {
        if (!call.active()) {
            return;
        }
        Logger.info("{}: transferred", call);
        control.bye(call, call.dialog);
        control.end(call, 0, "transferred", true);
    }

    private void transferFailed(Call call, String reason) {
        call.transferring = false;
        if (call.consultation != null) {
            call.consultation.transferring = false;
            call.consultation = null;
        }
        call.transferError = reason;
        Logger.info("{}: transfer failed: {}", call, reason);
        ua.events().callChanged(call);
    }

    /** A REFER for one of our calls: accept it, report progress by NOTIFY, and call the target (RFC 3515, RFC 5589). */
    void onRefer(RequestEvent event, ServerTransaction transaction) {
        Request refer = event.getRequest();
        Call call = control.byCallId(CallControl.callId(refer)).orElse(null);
        if (call == null || call.state != Call.State.CONNECTED) {
            ua.respond(transaction, refer, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "");
            return;
        }
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        if (referTo == null || !(referTo.getAddress().getURI() instanceof SipURI)) {
            ua.respond(transaction, refer, Response.BAD_REQUEST, "Refer-To missing or not a SIP URI");
            return;
        }
        SipURI target = (SipURI) ((SipURI) referTo.getAddress().getURI()).clone();
        ReplacesHeader replaces = null;
        String encoded = target.getHeader("Replaces");
        try {
            if (encoded != null) {
                replaces = (ReplacesHeader) ua.host().headers().createHeader(ReplacesHeader.NAME, percentDecode(encoded));
            }
        } catch (ParseException e) {
            ua.respond(transaction, refer, Response.BAD_REQUEST, "bad Replaces in Refer-To");
            return;
        }
        stripUriHeaders(target);
        Header referredBy = refer.getHeader("Referred-By");
        ua.respond(transaction, refer, Response.ACCEPTED, "");
        call.referrer = transaction.getDialog() != null ? transaction.getDialog() : call.dialog;
        notifyReferrer(call, Response.TRYING, "Trying", false);
        Call next;
        try {
            next = control.dial(call.account, target.toString(), replaces, referredBy == null ? null : referredBy.toString()
                    .substring(referredBy.toString().indexOf(':') + 1).trim());
        } catch (RuntimeException e) {
            Logger.info("{}: cannot carry out the transfer to {}: {}", call, target, e.getMessage());
            notifyReferrer(call, Response.SERVICE_UNAVAILABLE, "Service Unavailable", true);
            return;
        }
        next.referrer = call.referrer;
        next.referredFrom = call;
        call.referrer = null;
        Logger.info("{}: transferred to {} by the other side", call, next);
        ua.events().callReplaced(call, next);
    }

    /** Progress of a call made for a REFER, to the one who referred (RFC 3515 §2.4.5). */
    void notifyReferrer(Call call, int code, String reason, boolean last) {
        Dialog dialog = call.referrer;
        // The NOTIFYs belong to the dialog of the call that was referred, even when they report the new call.
        Call original = call.referredFrom != null ? call.referredFrom : call;
        if (dialog == null) {
            return;
        }
        if (last) {
            call.referrer = null;
        }
        try {
            HeaderFactory h = ua.host().headers();
            Request notify = dialog.createRequest(Request.NOTIFY);
            EventHeader event = h.createEventHeader("refer");
            notify.addHeader(event);
            SubscriptionStateHeader state = h.createSubscriptionStateHeader(last ? SubscriptionStateHeader.TERMINATED : SubscriptionStateHeader.ACTIVE);
            if (last) {
                state.setReasonCode("noresource");
            } else {
                state.setExpires(60);
            }
            notify.addHeader(state);
            ContentTypeHeader type = h.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            notify.setContent(Sipfrag.body(code, reason), type);
            notify.addHeader(h.createContactHeader(control.contact(original)));
            ua.clientRequests().send(notify, control.provider(original), dialog, Optional.empty(), Duration.ofSeconds(8),
                    ClientRequests.Handler.logging(original, "transfer NOTIFY"));
        } catch (Exception e) {
            Logger.info("{}: cannot report transfer progress: {}", original, e.toString());
        }
    }

    Call findReplaced(ReplacesHeader replaces) {
        Call call = control.byCallId(replaces.getCallId()).orElse(null);
        if (call == null || call.dialog == null || !call.active()) {
            return null;
        }
        String local = call.dialog.getLocalTag();
        String remote = call.dialog.getRemoteTag();
        // RFC 3891 §3 writes the tags as the receiver of the INVITE sees them; some peers swap them.
        boolean straight = eq(local, replaces.getToTag()) && eq(remote, replaces.getFromTag());
        boolean swapped = eq(local, replaces.getFromTag()) && eq(remote, replaces.getToTag());
        return straight || swapped ? call : null;
    }

    private static boolean eq(String a, String b) {
        return a != null && a.equals(b);
    }

    private static void stripUriHeaders(SipURI uri) {
        List<String> names = new ArrayList<>();
        java.util.Iterator<?> it = uri.getHeaderNames();
        while (it != null && it.hasNext()) {
            names.add((String) it.next());
        }
        if (!names.isEmpty() && uri instanceof gov.nist.javax.sip.address.SipUri nist) {
            nist.clearQheaders();
        }
    }

    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String percentDecode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                try {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // Not an escape: keep the character.
                }
            }
            out.write(c);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
