package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.DhcpNamespace;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning from DHCP options served by dnsmasq inside network namespaces this run creates (the LAN of
 * {@code tools/peers/netns-lan}, which the network's tests use too): the phone
 * is the real {@code deskphone provision} in a child JVM started inside the phone's namespace, asking with
 * DHCPINFORM and fetching from dnsmasq's TFTP server. Nothing here reaches beyond the namespaces.
 *
 * <p>Each run's file changes the phone's DHCP settings for the next, so the three runs walk the manuals'
 * order: ALE's option 43 sub-option 66 for vendor class "yealink" (ALE L386-391), then a custom option
 * (Yealink L1321-1323, L3814), then plain option 66 with no scheme, which is tried as https and then as
 * TFTP (ALE L429-430, Yealink L1397-1398).
 */
@ExtendWith(Peers.class)
class ProvisionDhcpIT {
    @TempDir
    Path data;

    @Test
    void option43ThenACustomOptionThenOption66(DhcpNamespace dhcp) throws Exception {
        dhcp.serve("vendor/y000000000000.cfg", cfg("account.1.label = FromVendor",
                "auto_provision.dhcp_option.list_user_options = " + DhcpNamespace.CUSTOM_OPTION));
        dhcp.serve("custom/y000000000000.cfg", cfg("account.1.label = FromCustom",
                "auto_provision.dhcp_option.list_user_options = %NULL%", "auto_provision.dhcp_option.option60_value = acme"));
        dhcp.serve("y000000000000.cfg", cfg("account.1.label = FromRoot"));
        String server = dhcp.serverAddress();

        String first = phone(dhcp, "--dhcp", "--interface", dhcp.phoneInterface());
        assertThat(first).contains("GET tftp://" + server + "/vendor/y000000000000.cfg [tftp] ok")
                .contains("configuration from tftp://" + server + "/vendor/ (DHCP option 66/67/43)")
                .contains("changed account.1.label = FromVendor");
        assertThat(dhcp.serverLog()).contains("vendor class: yealink").contains("DHCPINFORM(" + dhcp.serverInterface() + ")");

        String second = phone(dhcp, "--dhcp", "--interface", dhcp.phoneInterface());
        assertThat(second).contains("GET tftp://" + server + "/custom/y000000000000.cfg [tftp] ok")
                .contains("(DHCP custom option)").contains("changed account.1.label = FromCustom");
        assertThat(dhcp.serverLog()).contains("requested options: ").contains(Integer.toString(DhcpNamespace.CUSTOM_OPTION));

        String third = phone(dhcp, "--dhcp", "--interface", dhcp.phoneInterface());
        assertThat(third).contains("GET https://" + server + "/y000000000000.cfg [https] cannot connect")
                .contains("GET tftp://" + server + "/y000000000000.cfg [tftp] ok")
                .contains("changed account.1.label = FromRoot");
        assertThat(dhcp.serverLog()).contains("vendor class: acme");
    }

    @Test
    void withoutDhcpThePcBoardSendsNoBroadcast(DhcpNamespace dhcp) throws Exception {
        int before = count(dhcp.serverLog(), "DHCPINFORM");
        String output = phone(dhcp);
        assertThat(output).contains("no provisioning server");
        assertThat(count(dhcp.serverLog(), "DHCPINFORM")).isEqualTo(before);
    }

    /** {@code deskphone provision} in the phone's namespace; its standard output. */
    private String phone(DhcpNamespace dhcp, String... options) throws Exception {
        String jar = System.getProperty("deskphone.jar");
        assertThat(jar).as("failsafe passes deskphone.jar").isNotNull();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", dhcp.phoneNamespace(), java, "-jar", jar,
                "provision", "--data", data.toString(), "--mac", "001565aabbcc"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(data.resolveSibling(data.getFileName() + ".err").toFile()).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output + "\n(stderr: " + Files.readString(data.resolveSibling(data.getFileName() + ".err")) + ")";
    }

    private static byte[] cfg(String... lines) {
        return ("#!version:1.0.0.1\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
