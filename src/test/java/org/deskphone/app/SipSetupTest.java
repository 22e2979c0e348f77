package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.ConfigStore;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.sip.AccountSettings;
import org.deskphone.sip.DtmfMode;
import org.deskphone.sip.SettingLookup;
import org.deskphone.sip.SipConfiguration;
import org.deskphone.sip.SipSettings;
import org.junit.jupiter.api.Test;

/** The user agent reads the configuration store by either dialect's names, and only what was really set. */
class SipSetupTest {

    @Test
    void readsAccountsFromTheConfigurationStoreInBothDialects() throws Exception {
        PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T10:00:00Z")));
        ConfigStore store = ConfigStore.inMemory(loop);
        // Set by canonical name, as the web UI would; account 1 with the ALE-only DTMF parameter.
        CompletableFuture<ChangeResult> result = loop.ask(() -> store.change(Access.ADMIN, Map.of(
                "account.1.enable", "1", "account.1.user_name", "3001", "account.1.password", "pw",
                "account.1.sip_server.1.address", "10.0.0.1", "account.1.dtmf.mode", "4",
                "account.2.enable", "1", "account.2.user_name", "200", "account.2.dtmf.type", "0")));
        loop.runPending();
        assertThat(result.get().problems()).isEmpty();

        SettingLookup lookup = SipSetup.fromStore(store.current());
        assertThat(lookup.get("Account1UserName")).hasValue("3001");
        assertThat(lookup.get("account.1.user_name")).hasValue("3001");
        assertThat(lookup.get("Account1DtmfMode")).hasValue("4");
        // Factory defaults are not "set": SipConfiguration must see which dialect's DTMF parameter was given.
        assertThat(lookup.get("account.1.dtmf.type")).isEmpty();
        assertThat(lookup.get("no.such.parameter")).isEmpty();

        SipSettings settings = SipConfiguration.read(lookup, List.of(InetAddress.getLoopbackAddress()), "t", Optional.empty());
        assertThat(settings.accounts()).extracting(AccountSettings::userName).containsExactly("3001", "200");
        assertThat(settings.accounts().get(0).dtmfMode()).isEqualTo(DtmfMode.SIP_INFO);
        assertThat(settings.accounts().get(1).dtmfMode()).isEqualTo(DtmfMode.INBAND);
        assertThat(settings.accounts().get(0).servers().get(0).address().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void everyNameTheUserAgentReadsIsOneTheCatalogueKnows() {
        java.util.Set<String> asked = new java.util.TreeSet<>();
        SettingLookup recording = name -> {
            asked.add(name);
            // Enough for every account's and server's names to be asked.
            return name.matches("account\\.\\d+\\.user_name") ? Optional.of("u")
                    : name.matches("account\\.\\d+\\.sip_server\\.\\d\\.address") ? Optional.of("10.0.0.1")
                    : name.matches("account\\.\\d+\\.outbound_proxy_enable") ? Optional.of("1")
                    : name.matches("account\\.\\d+\\.outbound_host") ? Optional.of("10.0.0.2")
                    : name.matches("account\\.\\d+\\.codec\\.\\d+\\.payload_type") ? Optional.of("opus")
                    : name.matches("account\\.\\d+\\.codec\\.\\d+\\.enable") ? Optional.of("1") : Optional.empty();
        };
        SipConfiguration.read(recording, List.of(InetAddress.getLoopbackAddress()), "t", Optional.empty());
        org.deskphone.config.Catalogue catalogue = org.deskphone.config.Catalogue.builtIn();
        List<String> unknown = asked.stream().filter(name -> catalogue.find(name).isEmpty()
                && catalogue.lookup(org.deskphone.config.format.Dialect.CFG, name).isEmpty()
                && catalogue.lookup(org.deskphone.config.format.Dialect.XML, name).isEmpty()).toList();
        assertThat(asked).hasSizeGreaterThan(200).contains("account.1.codec.1.rtpmap", "Account1OpusPayloadType", "Account1OpusBandwidth");
        assertThat(unknown).as("names the user agent reads that the catalogue does not know").isEmpty();
    }
}
