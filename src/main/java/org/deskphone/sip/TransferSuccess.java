package org.deskphone.sip;

/**
 * When the transferor counts a transfer done and drops its own leg: ALE {@code SIPTranSuccessfulNotify}
 * (seed L8315): 0 NOTIFY with 200 OK, 1 NOTIFY 100 Trying, 2 NOTIFY 180 Ringing, 3 202 Accepted,
 * 4 NOTIFY with Subscription-State terminated.
 */
public enum TransferSuccess {
    NOTIFY_200, NOTIFY_100, NOTIFY_180, ACCEPTED_202, NOTIFY_TERMINATED;

    public static TransferSuccess fromCode(int code) {
        TransferSuccess[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("transfer success indication must be 0-4, not " + code);
        }
        return all[code];
    }
}
