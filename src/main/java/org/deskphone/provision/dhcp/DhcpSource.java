package org.deskphone.provision.dhcp;

import java.util.List;
import java.util.Optional;

/**
 * Where a phone's DHCP options come from: its own DHCPINFORM ({@link DhcpInformClient}), the lease the
 * operating system holds, or both (the network feature gathers them). Blocking; runs off the phone loop.
 */
@FunctionalInterface
public interface DhcpSource {
    DhcpSource NONE = (custom, vendorClass) -> Found.NONE;

    /**
     * The options found.
     *
     * @param v4 DHCPv4 options, when a server answered
     * @param v6 DHCPv6 options, when a server answered
     */
    record Found(Optional<DhcpOptions> v4, Optional<Dhcp6Options> v6) {
        public static final Found NONE = new Found(Optional.empty(), Optional.empty());
    }

    /**
     * Asks for the provisioning options.
     *
     * @param customOptions the custom options (128-254) to request besides 43, 66 and 67
     * @param vendorClass   the option 60 value to send ({@code yealink}, {@code aledevice}, ...)
     */
    Found discover(List<Integer> customOptions, String vendorClass);
}
