package org.deskphone.sip;

import java.time.Duration;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.tinylog.Logger;

/**
 * DTMF during calls, the ways the account's mode says (ALE {@code AccountXDtmfMode}, seed L5398; Yealink
 * {@code account.X.dtmf.type}, seed L14221): RFC 4733 events or in-band tones through the media channel,
 * SIP INFO here; and the digits that arrive, by INFO or from the media engine. A digit lasts as long as the
 * media's configured DTMF duration, whichever way it goes. Runs on the phone loop.
 */
final class CallDtmf {
    private static final Duration DTMF_GAP = Duration.ofMillis(200);

    private final UserAgent ua;
    private final CallControl control;

    CallDtmf(UserAgent ua, CallControl control) {
        this.ua = ua;
        this.control = control;
    }

    void send(Call call, String digits) {
        if (call.state != Call.State.CONNECTED) {
            Logger.info("{}: not connected; DTMF '{}' not sent", call, digits);
            return;
        }
        long delay = 0;
        long spacing = ua.media().dtmfDuration().toMillis() + DTMF_GAP.toMillis();
        for (char digit : digits.toCharArray()) {
            if (!DtmfInfo.valid(digit)) {
                Logger.info("{}: '{}' is not a DTMF digit; skipped", call, digit);
                continue;
            }
            ua.loop().schedule(Duration.ofMillis(delay), () -> sendDigit(call, digit));
            delay += spacing;
        }
    }

    /**
     * How the call's DTMF goes in its media: RFC 4733 when the mode uses it and the answer carried
     * telephone-event; in-band tones for the in-band mode, and for the RFC 4733 mode when the peer took no
     * telephone-event (nothing else could carry the digits); else nothing.
     */
    MediaDtmf inMedia(Call call) {
        boolean events = call.audio != null && call.audio.telephoneEvent().isPresent();
        boolean tones = ua.media().inbandDtmf();
        return switch (mode(call)) {
            case RFC4733 -> events ? MediaDtmf.RFC4733 : tones ? MediaDtmf.INBAND : MediaDtmf.NONE;
            case SIP_INFO_AND_RFC4733, RFC4733_ELSE_SIP_INFO -> events ? MediaDtmf.RFC4733 : MediaDtmf.NONE;
            case INBAND -> tones ? MediaDtmf.INBAND : MediaDtmf.NONE;
            case SIP_INFO, NONE -> MediaDtmf.NONE;
        };
    }

    private static DtmfMode mode(Call call) {
        return call.account != null ? call.account.settings().dtmfMode() : DtmfMode.RFC4733_ELSE_SIP_INFO;
    }

    private void sendDigit(Call call, char digit) {
        if (call.state != Call.State.CONNECTED) {
            return;
        }
        DtmfMode mode = mode(call);
        MediaDtmf inMedia = inMedia(call);
        boolean info = switch (mode) {
            case SIP_INFO, SIP_INFO_AND_RFC4733 -> true;
            case RFC4733_ELSE_SIP_INFO, RFC4733 -> inMedia == MediaDtmf.NONE; // nothing else could carry it
            default -> false;
        };
        boolean media = inMedia != MediaDtmf.NONE && call.media.sendDtmf(digit);
        if (info) {
            sendInfo(call, digit);
        }
        Logger.info("{}: sent DTMF {} ({})", call, digit, media && info ? inMedia + " and SIP INFO" : media ? inMedia : info ? "SIP INFO" : "not sent");
    }

    private void sendInfo(Call call, char digit) {
        DtmfInfoBody type = call.account != null ? call.account.settings().dtmfInfoBody() : DtmfInfoBody.DTMF_RELAY;
        try {
            Request info = call.dialog.createRequest(Request.INFO);
            String[] mime = type.contentType().split("/");
            info.setContent(DtmfInfo.body(type, digit, (int) ua.media().dtmfDuration().toMillis()), ua.host().headers().createContentTypeHeader(mime[0], mime[1]));
            ua.clientRequests().send(info, control.provider(call), call.dialog, Optional.empty(), Duration.ofSeconds(8), new ClientRequests.Handler() {
                @Override
                public void answered(ResponseEvent event, Response response) {
                    if (response.getStatusCode() >= 300) {
                        Logger.info("{}: the other side refused DTMF INFO: {} {}", call, response.getStatusCode(), response.getReasonPhrase());
                    }
                }

                @Override
                public void failed(String reason) {
                    Logger.info("{}: DTMF INFO: {}", call, reason);
                }
            });
        } catch (Exception e) {
            Logger.info("{}: cannot send DTMF INFO: {}", call, e.toString());
        }
    }

    void onInfo(RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        Call call = control.byCallId(CallControl.callId(request)).orElse(null);
        if (call == null) {
            ua.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "");
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !CallControl.hasBody(request)) {
            ua.respond(transaction, request, Response.OK, ""); // an empty INFO is a keep-alive
            return;
        }
        String contentType = type.getContentType() + "/" + type.getContentSubType();
        Optional<Character> digit = DtmfInfo.parse(contentType, request.getRawContent());
        if (digit.isEmpty()) {
            ua.respond(transaction, request, Response.UNSUPPORTED_MEDIA_TYPE, r -> r.addHeader(
                    ua.host().headers().createAcceptHeader("application", "dtmf-relay")));
            return;
        }
        ua.respond(transaction, request, Response.OK, "");
        Logger.info("{}: received DTMF {} (SIP INFO)", call, digit.get());
        ua.events().dtmfReceived(call, digit.get());
    }

    /** A digit from the media engine (RFC 4733 or in-band). */
    void fromMedia(Call call, char digit) {
        if (call.active()) {
            Logger.info("{}: received DTMF {} (media)", call, digit);
            ua.events().dtmfReceived(call, digit);
        }
    }
}
