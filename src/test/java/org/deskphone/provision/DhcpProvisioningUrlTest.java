package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ALE's composition table for DHCP options 66, 67 and 43's sub-options 66 and 67 (ALE L326-430; digest
 * §2.2, examples E-01..E-14). The table writes some results with a trailing slash and some without;
 * {@code http://host} and {@code http://host/} name the same folder (RFC 3986 §6.2.3), and the phone keeps
 * the form with the slash, so each expectation is the table's text read as a URL.
 */
class DhcpProvisioningUrlTest {

    @Test
    void theSeedSaysWhatTheseTestsRelyOn() {
        Seed ale = Seed.ale();
        ale.says(326, 326, "Option 66/Option 67/Option 43 with Sub-Option 66/67");
        ale.says(429, 430, "the default https protocol will be added");
    }

    @Test
    void e01Option66UrlAlone() { // L332-340
        assertThat(compose("http://172.24.190.159", null, null, null)).isEqualTo(url("http://172.24.190.159/"));
    }

    @Test
    void e02Option66UrlThenOption67Path() { // L342-347
        assertThat(compose("https://172.24.190.159", "/provisioning", null, null))
                .isEqualTo(url("https://172.24.190.159/provisioning"));
    }

    @Test
    void e03Option66UrlWinsOverOption67Url() { // L349-356
        assertThat(compose("http://172.24.190.159", "http://172.24.190.160", null, null)).isEqualTo(url("http://172.24.190.159/"));
    }

    @Test
    void e04TwoBareAddressesGiveHttpsToOption66() { // L358-360
        DhcpProvisioningUrl.Composed composed = DhcpProvisioningUrl.compose("172.24.190.159", "172.24.190.160", null, null).orElseThrow();
        assertThat(composed.url()).isEqualTo(url("https://172.24.190.159/"));
        assertThat(composed.schemeDefaulted()).isTrue();
        // Yealink reads option 66 as "the TFTP server" (L1397-1398): the same server over TFTP comes next.
        assertThat(composed.tftpFallback()).contains(URI.create("tftp://172.24.190.159/"));
    }

    @Test
    void e05BareOption66LosesToOption67Url() { // L362-368
        assertThat(compose("172.24.190.159", "http://172.24.190.160", null, null)).isEqualTo(url("http://172.24.190.160"));
    }

    @Test
    void e06Option67AloneWithoutSchemeBecomesHttps() { // L370-379
        assertThat(compose(null, "/provisioning", null, null)).isEqualTo(url("https://provisioning"));
        assertThat(compose(null, "172.24.190.160", null, null)).isEqualTo(url("https://172.24.190.160"));
    }

    @Test
    void e07Option67UrlAlone() { // L381-384
        assertThat(compose(null, "http://172.24.190.160", null, null)).isEqualTo(url("http://172.24.190.160"));
    }

    @Test
    void e08Option43Sub66OverridesOptions66And67() { // L386-391
        assertThat(compose("http://10.0.0.1", "/other", "http://172.24.190.161", null)).isEqualTo(url("http://172.24.190.161"));
    }

    @Test
    void e09Option43Sub66ThenSub67Path() { // L393-398
        assertThat(compose("http://10.0.0.1", "x", "http://172.24.190.161", "/provisioning"))
                .isEqualTo(url("http://172.24.190.161/provisioning"));
    }

    @Test
    void e10Option43Sub66UrlWinsOverSub67Url() { // L400-406
        assertThat(compose("any", "any", "http://172.24.190.161", "http://172.24.190.162")).isEqualTo(url("http://172.24.190.161"));
    }

    @Test
    void e11TwoBareSubOptionsGiveHttpsToSub66() { // L408-414
        assertThat(compose("any", "any", "172.24.190.161", "172.24.190.162")).isEqualTo(url("https://172.24.190.161"));
    }

    @Test
    void e12BareSub66LosesToSub67Url() { // L416-420
        assertThat(compose("any", "any", "172.24.190.161", "http://172.24.190.162")).isEqualTo(url("http://172.24.190.162"));
    }

    @Test
    void e13Sub67PathAloneBecomesHttpsHost() { // L422
        assertThat(compose("any", "any", null, "/provisioning")).isEqualTo(url("https://provisioning"));
    }

    @Test
    void e14Sub67UrlAlone() { // L424-427
        assertThat(compose("any", "any", null, "http://172.24.190.162")).isEqualTo(url("http://172.24.190.162"));
    }

    @Test
    void noOptionsNoUrl() {
        assertThat(DhcpProvisioningUrl.compose(null, " ", "", null)).isEmpty();
    }

    @Test
    void aGivenSchemeHasNoTftpFallback() {
        assertThat(DhcpProvisioningUrl.compose("http://a", null, null, null).orElseThrow().tftpFallback()).isEmpty();
    }

    private static URI compose(String o66, String o67, String s66, String s67) {
        Optional<DhcpProvisioningUrl.Composed> composed = DhcpProvisioningUrl.compose(o66, o67, s66, s67);
        assertThat(composed).isPresent();
        return composed.get().url();
    }

    private static URI url(String tableValue) {
        return ServerUrls.parse(tableValue);
    }
}
