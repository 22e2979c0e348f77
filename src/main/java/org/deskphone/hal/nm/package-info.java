/**
 * The network driver of a Linux board: it configures NetworkManager (the network service of current
 * Raspberry Pi OS) and its companions from a {@link org.deskphone.hal.NetworkPlan}, and reads back what
 * they did. What it writes, all marked as the phone's:
 * <ul>
 * <li>NetworkManager keyfiles for the LAN port and its VLAN (addresses, DNS, DHCP host name, 802.1X,
 * link mode, the VLAN's 802.1p egress map), and {@code dhcp=dhclient} so that the DHCP client can ask for
 * the options the phone needs (NetworkManager's internal client cannot: it asks for a fixed list);</li>
 * <li>the DHCP client's options ({@code /etc/dhcp/dhclient-IFACE.conf}: vendor class, options 2, 42, 43,
 * 66, 67, 100, 101, 132, 133 and the custom ones), whose lease the driver reads back;</li>
 * <li>systemd-timesyncd's NTP servers, an OpenVPN client unit's configuration, lldpd's (LLDP-MED class
 * III endpoint, CDP) and an nftables table that turns DSCP into 802.1p priority on the VLAN.</li>
 * </ul>
 * Files are replaced all or none, then the services re-applied; a service that refuses gets the previous
 * files back. {@link org.deskphone.hal.nm.NetworkManagerNetwork} is the driver; its tests check the
 * generated files and commands byte for byte and never apply them to the test machine.
 */
package org.deskphone.hal.nm;
