package org.deskphone.app;

import org.deskphone.sip.Account;
import org.deskphone.sip.Call;
import org.deskphone.sip.CheckSync;
import org.deskphone.sip.MessageSummary;
import org.deskphone.sip.RegistrationStatus;
import org.deskphone.sip.SipEvents;
import org.tinylog.Logger;

/**
 * What the phone tells its log about SIP until the UI (issue 8) shows it: registrations, calls, waiting
 * messages, and check-sync requests, which the provisioning client will act on once it is wired.
 */
final class SipLog implements SipEvents {

    @Override
    public void registrationChanged(Account account, RegistrationStatus status) {
        Logger.info("line {}: {}", account.index(), status.describe());
    }

    @Override
    public void incomingCall(Call call) {
        Logger.info("incoming call from {} on line {}", call.remote().label(),
                call.account().map(a -> Integer.toString(a.index())).orElse("-"));
    }

    @Override
    public void messageWaiting(Account account, MessageSummary summary) {
        Logger.info("line {}: {} new voice messages", account.index(), summary.newMessages());
    }

    @Override
    public void checkSync(CheckSync request) {
        Logger.info("provisioning check requested by {}{}", request.from(), request.reboot() ? " (reboot)" : "");
    }
}
