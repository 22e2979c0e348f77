package org.deskphone.sip;

import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;

/**
 * jain-sip's hook before a request leaves over TLS. Certificate trust is decided by {@link TlsMaterial}'s
 * trust managers during the handshake, so nothing more is enforced here; naming our own class keeps the
 * stack from warning that it uses its default policy.
 */
public final class TlsPolicy implements TlsSecurityPolicy {

    public TlsPolicy() {
        // Built by jain-sip from gov.nist.javax.sip.TLS_SECURITY_POLICY.
    }

    @Override
    public void enforceTlsPolicy(ClientTransactionExt transaction) {
        // Trust was decided in the handshake.
    }
}
