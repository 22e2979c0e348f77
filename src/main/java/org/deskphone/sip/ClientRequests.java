package org.deskphone.sip;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * Requests this phone sent and waits on: who gets the answer, when to give up, and the digest retry
 * (a 401/407 is answered once with credentials; a second challenge for the same realm is a wrong
 * password). Entries leave the table at the final answer, the deadline, or a transport failure, so the
 * table stays small however a peer behaves. Used on the phone loop.
 */
final class ClientRequests {

    /** Gets the outcome of one request, on the phone loop. */
    interface Handler {
        /** A 1xx. */
        default void provisional(ResponseEvent event) {
        }

        /** The request was sent again with credentials, in a new transaction. */
        default void resent(ClientTransaction transaction, Request request) {
        }

        /** The final answer (a 401/407 only when it could not be answered). */
        void answered(ResponseEvent event, Response response);

        /** No answer in time, or the transport failed; the reason is for people. */
        void failed(String reason);

        /** For a request whose outcome changes nothing (a BYE, a progress NOTIFY): the outcome is only logged. */
        static Handler logging(Object subject, String what) {
            return new Handler() {
                @Override
                public void answered(ResponseEvent event, Response response) {
                    Logger.debug("{}: {} answered {} {}", subject, what, response.getStatusCode(), response.getReasonPhrase());
                }

                @Override
                public void failed(String reason) {
                    Logger.info("{}: {} not confirmed: {}", subject, what, reason);
                }
            };
        }
    }

    private record Pending(Handler handler, SipProvider provider, Optional<DigestCredentials> credentials, Timer deadline,
            Duration timeout) {
    }

    private final UserAgent ua;
    private final Map<ClientTransaction, Pending> pending = new HashMap<>();

    ClientRequests(UserAgent ua) {
        this.ua = ua;
    }

    /**
     * Sends {@code request} out of dialog (or in {@code dialog}), giving up after {@code timeout}.
     * Credentials, when given, are added for realms challenged before and used to answer a challenge.
     */
    ClientTransaction send(Request request, SipProvider provider, Dialog dialog, Optional<DigestCredentials> credentials,
            Duration timeout, Handler handler) throws Exception {
        if (credentials.isPresent() && dialog == null) {
            credentials.get().authorize(request, ua.host().headers());
        }
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.setRetransmitTimer((int) ua.settings().t1().toMillis());
        Timer deadline = ua.loop().schedule(timeout, () -> expire(transaction));
        pending.put(transaction, new Pending(handler, provider, credentials, deadline, timeout));
        String what = request.getMethod() + " to " + request.getRequestURI();
        if (dialog == null) {
            ua.outbox().send(what, transaction::sendRequest, reason -> fail(transaction, reason));
        } else {
            ua.outbox().send(what, () -> dialog.sendRequest(transaction), reason -> fail(transaction, reason));
        }
        return transaction;
    }

    /** Whether this table is waiting on {@code transaction}. */
    boolean owns(ClientTransaction transaction) {
        return pending.containsKey(transaction);
    }

    int size() {
        return pending.size();
    }

    void onResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        Pending entry = transaction == null ? null : pending.get(transaction);
        if (entry == null) {
            return;
        }
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            entry.handler.provisional(event);
            return;
        }
        pending.remove(transaction);
        entry.deadline.cancel();
        boolean challenge = status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED;
        if (challenge && entry.credentials.isPresent() && retryWithCredentials(event, transaction, entry)) {
            return;
        }
        entry.handler.answered(event, response);
    }

    void onTimeout(ClientTransaction transaction) {
        Pending entry = pending.remove(transaction);
        if (entry != null) {
            entry.deadline.cancel();
            entry.handler.failed("no answer to " + transaction.getRequest().getMethod() + " from " + transaction.getRequest().getRequestURI());
        }
    }

    /** A transport failure toward {@code host:port}: every request waiting on that peer has failed. */
    void onTransportError(String host, int port, String reason) {
        for (ClientTransaction transaction : Map.copyOf(pending).keySet()) {
            javax.sip.address.Hop hop = ((gov.nist.javax.sip.ClientTransactionExt) transaction).getNextHop();
            if (hop != null && hop.getPort() == port && sameHost(hop.getHost(), host)) {
                fail(transaction, reason);
            }
        }
    }

    /** Drops everything: the user agent is stopping. */
    void clear() {
        pending.values().forEach(p -> p.deadline.cancel());
        pending.clear();
    }

    private boolean retryWithCredentials(ResponseEvent event, ClientTransaction transaction, Pending entry) {
        Request challenged = transaction.getRequest();
        Request retry = (Request) challenged.clone();
        try {
            DigestCredentials.Outcome outcome = entry.credentials.get().answer(event.getResponse(), challenged, retry, ua.host().headers());
            if (outcome != DigestCredentials.Outcome.ANSWERED) {
                return false;
            }
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            ViaHeader via = (ViaHeader) retry.getHeader(ViaHeader.NAME);
            via.setBranch(ua.newBranch());
            ClientTransaction again = entry.provider.getNewClientTransaction(retry);
            again.setRetransmitTimer((int) ua.settings().t1().toMillis());
            Timer deadline = ua.loop().schedule(entry.timeout, () -> expire(again));
            pending.put(again, new Pending(entry.handler, entry.provider, entry.credentials, deadline, entry.timeout));
            entry.handler.resent(again, retry);
            ua.outbox().send(retry.getMethod() + " with credentials", again::sendRequest, reason -> fail(again, reason));
            return true;
        } catch (Exception e) {
            Logger.warn("cannot answer the challenge to {}: {}", challenged.getMethod(), e.toString());
            return false;
        }
    }

    private void expire(ClientTransaction transaction) {
        Pending entry = pending.remove(transaction);
        if (entry == null) {
            return;
        }
        try {
            transaction.terminate();
        } catch (Exception e) {
            Logger.debug("terminating an expired transaction: {}", e.toString());
        }
        entry.handler.failed("no answer to " + transaction.getRequest().getMethod() + " from "
                + ((gov.nist.javax.sip.ClientTransactionExt) transaction).getNextHop() + " within " + entry.timeout.toMillis() / 1000.0 + " s");
    }

    private void fail(ClientTransaction transaction, String reason) {
        Pending entry = pending.remove(transaction);
        if (entry != null) {
            entry.deadline.cancel();
            entry.handler.failed(reason);
        }
    }

    private static boolean sameHost(String a, String b) {
        return a.replace("[", "").replace("]", "").equalsIgnoreCase(b.replace("[", "").replace("]", ""));
    }
}
