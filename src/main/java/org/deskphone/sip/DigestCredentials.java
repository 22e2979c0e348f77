package org.deskphone.sip;

import gov.nist.javax.sip.header.SIPHeaderNames;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An account's user name and password and the challenges its servers sent, so that later requests
 * (a registration refresh, the unregister at shutdown) can carry credentials at once instead of waiting
 * for a new challenge. One per account; used on the phone loop. Never prints the password.
 */
final class DigestCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private final Map<String, Cached> byRealm = new LinkedHashMap<>();

    private static final class Cached {
        final DigestChallenge challenge;
        int nonceCount;

        Cached(DigestChallenge challenge) {
            this.challenge = challenge;
        }
    }

    DigestCredentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** What a 401/407 did to a request. */
    enum Outcome {
        /** Credentials were added to the request; send it. */
        ANSWERED,
        /** The same realm challenged credentials that were just sent: wrong user name or password. */
        REJECTED,
        /** No challenge this phone can answer (unknown algorithm, no Digest). */
        UNSUPPORTED
    }

    /**
     * Answers the challenges of {@code response} by adding credentials to {@code retry} (a copy of the
     * challenged request with its next CSeq). {@code answered} says whether the challenged request already
     * carried credentials for that realm.
     */
    Outcome answer(Response response, Request challenged, Request retry, HeaderFactory headers) throws ParseException {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String name = proxy ? SIPHeaderNames.PROXY_AUTHENTICATE : SIPHeaderNames.WWW_AUTHENTICATE;
        List<DigestChallenge> challenges = new ArrayList<>();
        ListIterator<?> it = response.getHeaders(name);
        while (it.hasNext()) {
            String value = ((Header) it.next()).toString();
            value = value.substring(value.indexOf(':') + 1).trim();
            DigestChallenge.parse(value, proxy).ifPresent(challenges::add);
        }
        java.util.Optional<DigestChallenge> best = DigestChallenge.strongest(challenges);
        if (best.isEmpty()) {
            return Outcome.UNSUPPORTED;
        }
        DigestChallenge challenge = best.get();
        if (carriesCredentials(challenged, challenge.realm(), proxy) && !challenge.stale()) {
            byRealm.remove(key(challenge));
            return Outcome.REJECTED;
        }
        byRealm.put(key(challenge), new Cached(challenge));
        retry.removeHeader(proxy ? SIPHeaderNames.PROXY_AUTHORIZATION : SIPHeaderNames.AUTHORIZATION);
        authorize(retry, headers);
        return Outcome.ANSWERED;
    }

    /**
     * Adds credentials for every realm that challenged before: a registrar's (401) to REGISTERs only, a proxy's
     * (407) to any request that passes it.
     */
    void authorize(Request request, HeaderFactory headers) throws ParseException {
        request.removeHeader(SIPHeaderNames.AUTHORIZATION);
        request.removeHeader(SIPHeaderNames.PROXY_AUTHORIZATION);
        boolean register = request.getMethod().equals(Request.REGISTER);
        for (Cached cached : byRealm.values()) {
            if (!cached.challenge.proxy() && !register) {
                continue;
            }
            cached.nonceCount++;
            byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
            String value = DigestAnswer.authorization(cached.challenge, user, password, request.getMethod(),
                    request.getRequestURI().toString(), body, cached.nonceCount, HexFormat.of().formatHex(nonce()));
            request.addHeader(headers.createHeader(cached.challenge.proxy() ? SIPHeaderNames.PROXY_AUTHORIZATION
                    : SIPHeaderNames.AUTHORIZATION, value));
        }
    }

    /** Forgets cached challenges: the next request waits for a fresh one. */
    void forget() {
        byRealm.clear();
    }

    /** A registrar and a proxy may share a realm (Kamailio uses the domain for both); their challenges stay apart. */
    private static String key(DigestChallenge challenge) {
        return (challenge.proxy() ? "proxy " : "www ") + challenge.realm();
    }

    private static boolean carriesCredentials(Request request, String realm, boolean proxy) {
        ListIterator<?> it = request.getHeaders(proxy ? SIPHeaderNames.PROXY_AUTHORIZATION : SIPHeaderNames.AUTHORIZATION);
        while (it.hasNext()) {
            String value = it.next().toString();
            if (value.contains("realm=\"" + realm + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "credentials of " + user + " (password " + (password.isEmpty() ? "empty" : "set") + ")";
    }
}
