package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both manuals' parameter names reach the same settings, each read in its own dialect's codes. */
class SipConfigurationTest {

    static SipSettings read(Map<String, String> values) throws Exception {
        return SipConfiguration.read(SettingLookup.of(values), List.of(InetAddress.getLoopbackAddress()), "test", Optional.empty());
    }

    @Test
    void readsAYealinkAccount() throws Exception {
        // Yealink digest §4.6 (seed L11559-L12071), §4.8-4.11.
        SipSettings settings = read(Map.ofEntries(
                Map.entry("account.1.enable", "1"), Map.entry("account.1.label", "Office"), Map.entry("account.1.display_name", "Alice"),
                Map.entry("account.1.auth_name", "a100"), Map.entry("account.1.user_name", "100"),
                Map.entry("account.1.password", "s3cret"), Map.entry("account.1.transport", "1"),
                Map.entry("account.1.sip_server.1.address", "pbx.example.com"), Map.entry("account.1.sip_server.1.port", "5070"),
                Map.entry("account.1.sip_server.1.expires", "600"), Map.entry("account.1.sip_server.1.retry_counts", "2"),
                Map.entry("account.1.sip_server.2.address", "10.0.0.2"),
                Map.entry("account.1.outbound_proxy_enable", "1"), Map.entry("account.1.outbound_host", "sbc.example.com"),
                Map.entry("account.1.outbound_port", "5080"), Map.entry("account.1.reg_fail_retry_interval", "45"),
                Map.entry("account.1.nat.rport", "1"), Map.entry("account.1.nat.udp_update_enable", "1"),
                Map.entry("account.1.nat.udp_update_time", "25"), Map.entry("account.1.dtmf.type", "2"),
                Map.entry("account.1.dtmf.info_type", "2"), Map.entry("account.1.dtmf.dtmf_payload", "96"),
                Map.entry("account.1.srtp_encryption", "1"), Map.entry("account.1.cid_source", "4"),
                Map.entry("account.1.codec.1.enable", "1"), Map.entry("account.1.codec.1.payload_type", "PCMA"),
                Map.entry("account.1.codec.1.priority", "2"), Map.entry("account.1.codec.2.enable", "1"),
                Map.entry("account.1.codec.2.payload_type", "G722"), Map.entry("account.1.codec.2.priority", "1"),
                Map.entry("account.1.codec.3.enable", "0"), Map.entry("account.1.codec.3.payload_type", "PCMU"),
                Map.entry("account.1.ptime", "30"), Map.entry("account.1.subscribe_mwi", "1"),
                Map.entry("account.1.subscribe_mwi_expires", "900"), Map.entry("voice_mail.number.1", "*97"),
                Map.entry("account.1.auto_answer", "1"), Map.entry("account.1.anonymous_call", "1"),
                Map.entry("sip.rfc2543_hold", "1"), Map.entry("features.normal_refuse_code", "480"),
                Map.entry("account.2.user_name", "200"), Map.entry("account.2.enable", "0")));
        assertThat(settings.accounts()).hasSize(1);
        AccountSettings a = settings.accounts().get(0);
        assertThat(a.label()).isEqualTo("Office");
        assertThat(a.authName()).isEqualTo("a100");
        assertThat(a.userName()).isEqualTo("100");
        assertThat(a.transport()).isEqualTo(ServerTransport.TCP);
        assertThat(a.servers()).hasSize(2);
        assertThat(a.servers().get(0).address()).isEqualTo(new HostPort("pbx.example.com", 5070));
        assertThat(a.servers().get(0).expires()).isEqualTo(Duration.ofSeconds(600));
        assertThat(a.servers().get(0).retryCounts()).isEqualTo(2);
        assertThat(a.servers().get(0).outboundProxy()).hasValue(new HostPort("sbc.example.com", 5080));
        assertThat(a.servers().get(1).outboundProxy()).hasValue(new HostPort("sbc.example.com", 5080));
        assertThat(a.retryInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(a.rport()).isTrue();
        assertThat(a.keepAlive()).isEqualTo(Duration.ofSeconds(25));
        assertThat(a.dtmfMode()).isEqualTo(DtmfMode.SIP_INFO);
        assertThat(a.dtmfInfoBody()).isEqualTo(DtmfInfoBody.DTMF);
        assertThat(a.dtmfPayloadType()).isEqualTo(96);
        assertThat(a.srtpMode()).isEqualTo(SrtpMode.BEST_EFFORT);
        assertThat(a.callerIdOrder()).containsExactly(IdentitySource.PAI, IdentitySource.RPID, IdentitySource.FROM);
        assertThat(a.codecOrder()).containsExactly(9, 8);
        assertThat(a.ptime()).isEqualTo(30);
        assertThat(a.subscribeMwi()).isTrue();
        assertThat(a.mwiExpires()).isEqualTo(Duration.ofSeconds(900));
        assertThat(a.voicemail()).hasValue("*97");
        assertThat(a.autoAnswer()).isTrue();
        assertThat(a.anonymousCalls()).isTrue();
        assertThat(settings.holdStyle()).isEqualTo(HoldStyle.RFC2543);
        assertThat(settings.refuseCode()).isEqualTo(480);
    }

    @Test
    void readsAnAleAccountWithItsOwnCodes() throws Exception {
        // ALE digest §6.1 (seed L5537-5789), §5.6 (L5024), §5.10 (L5398), §4.6 (L3474, L3494), §6.4 (L12429).
        SipSettings settings = read(Map.ofEntries(
                Map.entry("Account1Enable", "true"), Map.entry("Account1UserName", "3001"), Map.entry("Account1RegName", "3001"),
                Map.entry("Account1Password", "pw"), Map.entry("Account1Server1Address", "oxe.example.com"),
                Map.entry("Account1Server1Port", "0"), Map.entry("Account1Server1Transport", "3"),
                Map.entry("Account1Server1Expire", "1800"), Map.entry("Account1OutboundProxy1Address", "sbc1.example.com"),
                Map.entry("Account1OutboundProxy1Port", "5062"), Map.entry("Account1Server2Address", "oxe2.example.com"),
                Map.entry("Account1OutboundProxy2Address", "sbc2.example.com"),
                Map.entry("Account1RegisterRenewalIntervalProportion", "80"), Map.entry("Account1AudioCodec", "8;0;9"),
                Map.entry("Account1Ptime", "40;20;20;20;20;20"), Map.entry("Account1DtmfMode", "6"),
                Map.entry("Account1SrtpWorkingMode", "2"), Map.entry("SIPAesKeyPriority", "2;0"),
                Map.entry("Account1CallerSource", "2;0;1"), Map.entry("SIPMaxCall", "3"), Map.entry("SIPFailOverEnable", "false"),
                Map.entry("SIPRfc2543HoldEnable", "false"), Map.entry("FeatureHoldUseInactiveEnable", "true"),
                Map.entry("SIPTranSuccessfulNotify", "4"), Map.entry("SIPTlsVersion", "2"), Map.entry("SIPTlsPeerVerify", "true"),
                Map.entry("Account1AnonymousCallRejectionEnable", "true")));
        AccountSettings a = settings.accounts().get(0);
        assertThat(a.transport()).isEqualTo(ServerTransport.DNS_NAPTR);
        assertThat(a.servers().get(0).address()).isEqualTo(new HostPort("oxe.example.com", 0));
        assertThat(a.servers().get(0).outboundProxy()).hasValue(new HostPort("sbc1.example.com", 5062));
        assertThat(a.servers().get(1).outboundProxy()).hasValue(new HostPort("sbc2.example.com", 5060));
        assertThat(a.servers().get(1).address().port()).isEqualTo(5060);
        assertThat(a.renewalPercent()).isEqualTo(80);
        assertThat(a.codecOrder()).containsExactly(8, 0, 9);
        assertThat(a.ptime()).isEqualTo(40);
        assertThat(a.dtmfMode()).isEqualTo(DtmfMode.RFC4733_ELSE_SIP_INFO);
        assertThat(a.srtpMode()).isEqualTo(SrtpMode.STRICT);
        assertThat(a.callerIdOrder()).containsExactly(IdentitySource.FROM, IdentitySource.PAI, IdentitySource.RPID);
        assertThat(a.rejectAnonymous()).isTrue();
        assertThat(settings.srtpSuites()).containsExactly(SrtpSuite.AES_256_CM_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(settings.maxCalls()).isEqualTo(3);
        assertThat(settings.failover()).isFalse();
        assertThat(settings.holdStyle()).isEqualTo(HoldStyle.INACTIVE);
        assertThat(settings.transferSuccess()).isEqualTo(TransferSuccess.NOTIFY_TERMINATED);
        assertThat(settings.tls().protocols()).containsExactly("TLSv1.2");
        assertThat(settings.tls().verifyServer()).isTrue();
    }

    @Test
    void readsTheCodecsPayloadTypesAndOpusBandwidth() throws Exception {
        // ALE: the Opus payload type (seed L5074) and bandwidth (L5046) of the account.
        AccountSettings ale = read(Map.of("Account1UserName", "300", "Account1AudioCodec", "125;9;0", "Account1OpusPayloadType", "107",
                "Account1OpusBandwidth", "2")).accounts().get(0);
        assertThat(ale.codecs()).isEqualTo(new CodecPreferences(List.of(125, 9, 0), Map.of(125, 107), 2, 101));
        // Yealink: a dynamic codec's rtpmap (L14749) is its payload type; a static one keeps RFC 3551's.
        AccountSettings yealink = read(Map.of("account.1.user_name", "100", "account.1.codec.1.enable", "1",
                "account.1.codec.1.payload_type", "opus", "account.1.codec.1.rtpmap", "106", "account.1.codec.2.enable", "1",
                "account.1.codec.2.payload_type", "PCMU", "account.1.codec.2.rtpmap", "5", "account.1.codec.3.enable", "1",
                "account.1.codec.3.payload_type", "G726-32", "account.1.codec.3.rtpmap", "102")).accounts().get(0);
        assertThat(yealink.codecs().order()).containsExactly(125, 0, 113);
        assertThat(yealink.codecs().payloadTypes()).isEqualTo(Map.of(125, 106, 113, 102));
        // A static number for a dynamic codec is refused with a warning; the codec keeps its own.
        AccountSettings refused = read(Map.of("Account1UserName", "300", "Account1OpusPayloadType", "50")).accounts().get(0);
        assertThat(refused.codecs().payloadTypes()).isEmpty();
    }

    @Test
    void aBadValueKeepsTheDefaultAndTheAccount() throws Exception {
        SipSettings settings = read(Map.of("account.1.enable", "1", "account.1.user_name", "100",
                "account.1.dtmf.type", "banana", "account.1.transport", "7", "account.1.sip_server.1.address", "10.0.0.1"));
        AccountSettings a = settings.accounts().get(0);
        assertThat(a.dtmfMode()).isEqualTo(DtmfMode.RFC4733);
        assertThat(a.transport()).isEqualTo(ServerTransport.UDP);
        assertThat(a.servers()).hasSize(1);
    }

    @Test
    void neverPrintsThePassword() throws Exception {
        SipSettings settings = read(Map.of("account.1.enable", "1", "account.1.user_name", "100", "account.1.password", "hunter2"));
        assertThat(settings.toString()).doesNotContain("hunter2").contains("password set");
        assertThat(settings.accounts().get(0).password()).isEqualTo("hunter2");
    }

    @Test
    void keepsTheDeviceCertificateWhereItIsGiven() throws Exception {
        SipSettings settings = SipConfiguration.read(SettingLookup.of(Map.of()), List.of(InetAddress.getLoopbackAddress()), "t",
                Optional.of(Path.of("/data/sip/device.p12")));
        assertThat(settings.tls().deviceCertificate()).hasValue(Path.of("/data/sip/device.p12"));
        assertThat(settings.accounts()).isEmpty();
    }
}
