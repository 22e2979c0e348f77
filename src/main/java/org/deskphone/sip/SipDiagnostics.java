package org.deskphone.sip;

/**
 * How much SIP state the phone holds: our calls and pending requests, and jain-sip's dialogs and
 * transactions. After a flood or a hostile peer these must come back down.
 */
public record SipDiagnostics(int calls, int pendingRequests, int stackDialogs, int serverTransactions, int clientTransactions) {
}
