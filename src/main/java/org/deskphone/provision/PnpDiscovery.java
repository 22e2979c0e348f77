package org.deskphone.provision;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The SIP side of PnP, which the SIP user agent implements: at start-up the phone "broadcasts the PnP
 * SUBSCRIBE message" and "any PnP server ... responses with a SIP NOTIFY message, and an address of the
 * provisioning server is contained in the message body" (Yealink L1365-1384; ALE L2397-2427). The wire
 * format is not in either manual; the digests recommend RFC 6080's {@code Event: ua-profile} to
 * 224.0.1.75:5060 from {@link Request#sourcePort()} (Yealink digest §6 A10, ALE §11 A-23).
 *
 * <p>A NOTIFY that arrives at any other time ("long listening", ALE L2169-2170) goes to
 * {@link ProvisioningClient#pnpNotified(URI)} instead.
 */
@FunctionalInterface
public interface PnpDiscovery {
    PnpDiscovery NONE = (request, timeout) -> Optional.empty();

    /**
     * What a PnP SUBSCRIBE says about the phone.
     *
     * @param identity   MAC, model and firmware for the Event header's parameters
     * @param vendor     {@code auto_provision.pnp_event_vendor}, else the phone's vendor name
     * @param sourcePort {@code DeviceProvisionPnpPort} (default 5082, ALE L2427)
     */
    record Request(DeviceIdentity identity, String vendor, int sourcePort) {
    }

    /** Sends the SUBSCRIBE and waits up to {@code timeout} for a NOTIFY's URL. Blocking; runs on the worker. */
    Optional<URI> discover(Request request, Duration timeout);
}
