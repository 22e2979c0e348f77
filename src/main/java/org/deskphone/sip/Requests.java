package org.deskphone.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds the requests this phone starts: the headers every one needs, in one place. */
final class Requests {
    /** What this phone answers; in Allow of requests and of OPTIONS/405 responses. */
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE, Request.OPTIONS,
            Request.INFO, Request.REFER, Request.NOTIFY, Request.UPDATE, Request.PRACK);

    private final SipStackHost host;
    private final String userAgent;

    Requests(SipStackHost host, String userAgent) {
        this.host = host;
        this.userAgent = userAgent;
    }

    Request create(String method, URI requestUri, Address from, String fromTag, Address to, String callId, long cseq,
            LocalEndpoint via, boolean rport, Optional<SipURI> route) throws ParseException, InvalidArgumentException {
        HeaderFactory h = host.headers();
        FromHeader fromHeader = h.createFromHeader(from, fromTag);
        ToHeader toHeader = h.createToHeader(to, null);
        CallIdHeader callIdHeader = h.createCallIdHeader(callId);
        CSeqHeader cseqHeader = h.createCSeqHeader(cseq, method);
        ViaHeader viaHeader = h.createViaHeader(hostText(via), via.port(), via.transport().token(), null);
        if (rport) {
            viaHeader.setRPort();
        }
        MaxForwardsHeader maxForwards = h.createMaxForwardsHeader(70);
        Request request = host.messages().createRequest(requestUri, method, callIdHeader, cseqHeader, fromHeader, toHeader,
                new java.util.ArrayList<>(List.of(viaHeader)), maxForwards);
        if (route.isPresent()) {
            request.addHeader(h.createRouteHeader(host.addresses().createAddress(route.get())));
        }
        decorate(request);
        return request;
    }

    /** User-Agent, Allow and Supported, on requests and on the responses that establish a dialog. */
    void decorate(javax.sip.message.Message message) throws ParseException {
        HeaderFactory h = host.headers();
        message.setHeader(h.createHeader("User-Agent", userAgent));
        if (message instanceof Request request && (request.getMethod().equals(Request.REGISTER) || request.getMethod().equals(Request.INVITE)
                || request.getMethod().equals(Request.OPTIONS) || request.getMethod().equals(Request.SUBSCRIBE))
                || message instanceof javax.sip.message.Response) {
            AllowHeader allow = h.createAllowHeader(String.join(", ", ALLOWED));
            message.setHeader(allow);
            // 100rel only on our INVITEs: this phone PRACKs reliable provisional responses, it sends none itself.
            boolean invite = message instanceof Request request && request.getMethod().equals(Request.INVITE);
            message.setHeader(h.createSupportedHeader(invite ? "replaces, 100rel" : "replaces"));
        }
    }

    /** {@code <sip:user@address:port;transport=x>}: where this phone takes requests on {@code endpoint}. */
    Address contactAddress(String user, LocalEndpoint endpoint) {
        try {
            SipURI uri = host.addresses().createSipURI(user, hostText(endpoint));
            uri.setPort(endpoint.port());
            if (endpoint.transport() != Transport.UDP) {
                uri.setTransportParam(endpoint.transport().token());
            }
            return host.addresses().createAddress(uri);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot write a contact for " + user + " at " + endpoint, e);
        }
    }

    /** A loose route to an outbound proxy. */
    SipURI looseRoute(HostPort proxy, Transport transport) throws ParseException {
        SipURI uri = host.addresses().createSipURI(null, proxy.uriHost());
        if (proxy.port() != 0) {
            uri.setPort(proxy.port());
        }
        if (transport != Transport.UDP) {
            uri.setTransportParam(transport.token());
        }
        uri.setLrParam();
        return uri;
    }

    /** A loose route to a resolved target (DNS gave an address the request URI does not name). */
    SipURI looseRoute(ServerLocator.Target target) throws ParseException {
        return looseRoute(new HostPort(AddressText.of(target.address()), target.port()), target.transport());
    }

    static String hostText(LocalEndpoint endpoint) {
        return AddressText.host(endpoint.address());
    }
}
