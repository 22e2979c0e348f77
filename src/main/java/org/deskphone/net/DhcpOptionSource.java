package org.deskphone.net;

import java.util.Map;
import java.util.Optional;

/**
 * The DHCP options of one source, raw: the operating system's lease ({@link LeaseOptions}) or the
 * provisioning client's DHCPINFORM answer. The method names are those of
 * {@code org.deskphone.provision.dhcp.DhcpOptions}, the project's one option decoder, so that it can
 * stand behind this interface once both are on main.
 */
public interface DhcpOptionSource {

    /** A DHCPv4 option's value. */
    Optional<byte[]> raw(int code);

    /** Option 43 split into its sub-options (code, length, value), or empty when it is not such a list. */
    Map<Integer, byte[]> vendorSubOptions();

    /** A DHCPv6 option's value. */
    Optional<byte[]> raw6(int code);
}
