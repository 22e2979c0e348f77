package org.deskphone.sip;

import java.util.Optional;

/**
 * A server asked the phone to check its provisioning ({@code NOTIFY} with {@code Event: check-sync},
 * optionally {@code ;reboot=true}). The provisioning client acts on it; the user agent only reports it.
 *
 * @param account the account whose server sent it, when known
 * @param reboot  whether the server asked for a reboot after the check
 * @param from    who sent it, for the log
 */
public record CheckSync(Optional<Account> account, boolean reboot, String from) {
}
